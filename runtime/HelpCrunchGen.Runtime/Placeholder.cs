namespace HelpCrunchGen.Runtime;
internal static class Placeholder { }
