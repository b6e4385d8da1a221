import Foundation

/// What kind of file system entry a path is, following symlinks.
enum FileKind {
    case regular(FileIdentity)
    case directory(FileIdentity)
    case other(LoadFailure)

    static func of(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                return .other(code == ELOOP ? .linkLoop : .brokenLink)
            }
            switch code {
            case ENOENT, ENOTDIR: return .other(.noSuchFile)
            case EACCES: return .other(.permissionDenied)
            default: return .other(.cannotExamine)
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(FileIdentity(info))
        case S_IFDIR: return .directory(FileIdentity(info))
        case S_IFIFO: return .other(.pipe)
        case S_IFSOCK: return .other(.socket)
        default: return .other(.device)
        }
    }
}
