using System.Runtime.InteropServices;

namespace Khanij.Data.Import;

/// <summary>Opens a data pack file only when it is what it claims to be: a regular file inside the pack. A symbolic link is followed
/// only to a file inside the pack directory; a dangling link, a FIFO (whose open would wait forever for a writer), a device or a
/// socket is an error naming the pack file, never a hang, and the message never shows what lies behind the link.</summary>
internal static class PackFile
{
    /// <summary>The file's bytes, or null after recording why it cannot be read.</summary>
    public static byte[]? ReadBytes(string dataDir, string file, ImportErrors errors)
    {
        var problem = Check(dataDir, file, out var path);
        if (problem is not null)
        {
            errors.Add(file, 0, 0, problem);
            return null;
        }
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, 0, 0, $"the file cannot be read ({e.GetType().Name}); expected a readable data pack file.");
            return null;
        }
    }

    /// <summary>Null when <paramref name="file"/> may be read (its real path in <paramref name="path"/>), else what is wrong with it.</summary>
    internal static string? Check(string dataDir, string file, out string path)
    {
        var root = RealDirectory(dataDir);
        path = Path.GetFullPath(Path.Combine(dataDir, file));
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                target = null;   // a loop of links
            }
            if (target is null || !target.Exists)
            {
                return "the file is a symbolic link whose target does not exist; expected the data pack file itself (or a link to a file inside the pack).";
            }
            if (!IsInside(target.FullName, root))
            {
                return "the file is a symbolic link to a file outside the data pack directory; refused. Copy the file into the pack instead.";
            }
            path = target.FullName;
        }
        else if (!info.Exists)
        {
            return Directory.Exists(path)
                ? "this is a directory; expected the data pack file of that name."
                : $"the file is missing from {dataDir}; expected the data pack file {file}.";
        }
        if (FileType(path) is { } kind && kind != "regular file")
        {
            return $"this is a {kind}, not a regular file; refused (reading it could wait forever or never end). Expected the data pack file.";
        }
        return null;
    }

    private static string RealDirectory(string dataDir)
    {
        var full = Path.GetFullPath(dataDir);
        try
        {
            return new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static bool IsInside(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>What <c>stat(2)</c> says the path is (following links), or null where that cannot be asked (not Linux on x64/arm64).
    /// .NET has no portable way to tell a FIFO or device from a file without opening it, and opening a FIFO blocks.</summary>
    internal static string? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        // glibc's struct stat: st_mode is at byte 24 on x86-64 (dev, ino, nlink are 8 bytes each) and at byte 16 on arm64.
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (modeOffset < 0)
        {
            return null;
        }
        var buffer = new byte[256];
        if (NativeMethods.Stat(path, buffer) != 0)
        {
            return null;
        }
        var mode = BitConverter.ToUInt32(buffer, modeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => "regular file",
            0x4000 => "directory",
            0x1000 => "FIFO (named pipe)",
            0x2000 => "character device",
            0x6000 => "block device",
            0xC000 => "socket",
            _ => "special file",
        };
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
    }
}
