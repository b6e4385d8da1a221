/// Gives the memory freed after a large load back to the system: each thread's allocator keeps what it
/// freed for itself, so 400,000 messages listed by the workers would otherwise stay in the process's size
/// while the watch, on its own thread, allocates its table of the same files anew.
enum FreedMemory {
    static func giveBack() {
        #if os(Linux)
        _ = tidingsMallocTrim(0)
        #endif
    }
}

#if os(Linux)
// glibc's `malloc_trim` (malloc.h, which the Glibc module does not include).
@_silgen_name("malloc_trim")
private func tidingsMallocTrim(_ pad: Int) -> Int32
#endif
