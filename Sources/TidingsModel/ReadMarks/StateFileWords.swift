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
                + (restoredBackup ? "loaded the last good state from \(UntrustedText.sanitize(store.backupPath))" : "starting with nothing read")
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
