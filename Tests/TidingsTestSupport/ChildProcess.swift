import Foundation

/// Runs a command with posix_spawn and waitpid: direct, and immune to a daemon (the tmux server) that
/// inherits the output pipe.
public enum ChildProcess {
    /// With `standardOutput`, stdout goes to that file (such as /dev/full) and only stderr is captured.
    public static func run(_ arguments: [String], captureOutput: Bool = true, standardOutput: String? = nil) -> (status: Int32, output: String) {
        var pipeEnds: [Int32] = [-1, -1]
        if captureOutput, pipe(&pipeEnds) != 0 { return (-1, "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            if let standardOutput {
                posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY, 0)
            } else {
                posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        if captureOutput { close(pipeEnds[1]) }
        guard spawned == 0 else {
            if captureOutput { close(pipeEnds[0]) }
            return (-1, "cannot start \(arguments[0])")
        }
        var output = Data()
        if captureOutput {
            // A forked server may hold the pipe open: read only until the child itself has exited.
            var buffer = [UInt8](repeating: 0, count: 65536)
            let flags = fcntl(pipeEnds[0], F_GETFL)
            _ = fcntl(pipeEnds[0], F_SETFL, flags | O_NONBLOCK)
            var status: Int32 = 0
            var exited = false
            while true {
                let count = read(pipeEnds[0], &buffer, buffer.count)
                if count > 0 { output.append(contentsOf: buffer[0..<count]); continue }
                if count == 0 { break }
                if exited { break }
                if waitpid(pid, &status, WNOHANG) == pid { exited = true; continue }
                usleep(2000)
            }
            close(pipeEnds[0])
            if !exited { waitpid(pid, &status, 0) }
            return (exitCode(status), String(decoding: output, as: UTF8.self))
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (exitCode(status), "")
    }

    private static func exitCode(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
