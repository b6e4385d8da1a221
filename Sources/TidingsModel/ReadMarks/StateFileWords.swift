extension StateFileProblem: CustomStringConvertible {
    /// What went wrong with a save, in words (file names pass the screen's gate).
    public var description: String {
        func clean(_ text: String) -> String { UntrustedText.sanitize(text) }
        switch self {
        case .notAFile(let refusal): return "\(clean(refusal.path)) \(refusal); it is left as it is"
        case .newerVersion(let path, let version):
            return "\(clean(path)) was written by a newer Tidings (version \(version)); it is left as it is"
        case .unreadableAndStuck(let path): return "\(clean(path)) cannot be read nor moved aside; it is left as it is"
        case .cannotLock(let path, let reason): return "cannot lock \(clean(path)): \(reason)"
        case .readOnly(let path): return "\(clean(path)) is read-only; it is left as it is (make it writable to save marks)"
        case .fileInTheWay(let folder): return "cannot create the folder \(clean(folder)): a file is in the way"
        case .cannotCreateFolder(let folder, let reason): return "cannot create the folder \(clean(folder)): \(reason)"
        case .cannotCreateFile(let folder, let reason): return "cannot create a file in \(clean(folder)): \(reason)"
        case .cannotWrite(let path, let reason): return "cannot write \(clean(path)): \(reason)"
        case .cannotFlush(let path, let reason): return "cannot flush \(clean(path)): \(reason)"
        case .cannotReplace(let path, let reason): return "cannot replace \(clean(path)): \(reason)"
        case .other(let text): return text
        }
    }
}

extension ReadStateStore.LoadOutcome {
    /// What happened to the state file, in the words the user reads (the one place they are made), or nil
    /// when there is nothing to say.
    public func words(for store: ReadStateStore) -> String? {
        let path = UntrustedText.sanitize(store.path)
        switch self {
        case .missing, .loaded:
            return nil
        case .setAside(let reason, let movedTo, let restoredBackup):
            return "Unreadable state file (\(reason)) moved to \(UntrustedText.sanitize(movedTo)); "
                + (restoredBackup ? "loaded the last good state from \(UntrustedText.sanitize(store.backupPath)) (the marks of the last save are lost)"
                   : "starting with nothing read")
        case .setAsideKeepingTheRest(let reason, let movedTo, let skipped):
            return "Unreadable state file (\(reason)) moved to \(UntrustedText.sanitize(movedTo)); kept the marks of every "
                + "other story (\(skipped) \(skipped == 1 ? "entry" : "entries") left out)"
        case .setAsideWhileRunning(let reason, let movedTo):
            return "The state file became unreadable (\(reason)): moved to \(UntrustedText.sanitize(movedTo)), "
                + "and the marks this reader holds saved in its place"
        case .newerVersion(let version):
            return "\(UntrustedText.sanitize(store.target)) was written by a newer Tidings (state version \(version); this build reads \(ReadStateCoding.version)); it is left untouched. Use a newer tidings, or --state FILE for another file."
        case .refused(let refusal):
            return "state file \(path): \(refusal)"
        case .unusable(let reason):
            return "The state file \(path) could not be read (\(reason)); read marks will not be saved"
        }
    }

    /// Whether the reader must not start with this outcome (the file would be at risk).
    public var refusesToStart: Bool {
        switch self {
        case .newerVersion, .refused: return true
        default: return false
        }
    }
}
