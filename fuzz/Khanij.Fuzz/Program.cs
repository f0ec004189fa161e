using Khanij.Fuzz;
using SharpFuzz;

// Usage: Khanij.Fuzz <harness>            (under afl-fuzz: reads each input from afl, see docs/reliability.md)
//        Khanij.Fuzz <harness> <file>...  (replays files, e.g. a crash afl saved; exit 1 on the first that throws)
if (args.Length == 0 || !Harnesses.All.TryGetValue(args[0], out var harness))
{
    Console.Error.WriteLine($"usage: Khanij.Fuzz <{string.Join("|", Harnesses.All.Keys)}> [file ...]");
    return 2;
}
if (args.Length > 1)
{
    // Replay with the plain build (dotnet run --project fuzz/Khanij.Fuzz -- <harness> <file>): instrumented assemblies write to afl's
    // shared memory and fail outside afl-fuzz.
    Harnesses.Warm();
    foreach (var file in args[1..])
    {
        try
        {
            harness(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{file}: {e}");
            return 1;
        }
    }
    return 0;
}
// The catalogue loads on the first input (inside the fuzzer, where instrumented code may run), then stays loaded.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    harness(buffer.ToArray());
});
return 0;
