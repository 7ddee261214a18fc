using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HelpCrunchGen.Generator.Tests.Fuzzing;

/// <summary>
/// CPU time of the calling thread, so that a case's cost does not depend on how busy the machine is
/// (on a shared CI box wall-clock time mostly measures the neighbours). Wall-clock time where the
/// thread clock is not available.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess && TryRead(out _);

    public static double NowMs => IsCpuTime && TryRead(out double ms) ? ms : Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;

    private static bool TryRead(out double ms)
    {
        try
        {
            if (clock_gettime(ClockThreadCpuTimeId, out Timespec time) == 0)
            {
                ms = (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        ms = 0;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out Timespec time);
}
