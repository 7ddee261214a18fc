namespace HelpCrunch.Emulator;

/// <summary>The two error envelopes the HelpCrunch docs show (docs §1.1, §1.3).</summary>
public enum EmulatorErrorStyle
{
    /// <summary>One entry with the specific code: <c>{"errors":[{"code":"chat_not_found","message":"Chat is missing"}]}</c>.</summary>
    Old,

    /// <summary><c>invalid_request</c> first, then the specific entry (<c>not_found</c>, <c>unauthorized</c>, or a property path for validation).</summary>
    New,
}
