/// Time zone names that dates in mail and feeds are written with, in minutes east of UTC: RFC 822's
/// North American ones, and those European, Asian and Australasian senders write. `IST` is India's, which
/// most mail that writes it means (Irish and Israeli senders write an offset beside it). Names of more than
/// four letters are never written in dates.
enum ZoneNames {
    static let minutesEast: [(name: String, minutes: Int)] = [
        ("GMT", 0), ("UT", 0), ("UTC", 0), ("Z", 0), ("WET", 0),
        ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300),
        ("MST", -420), ("MDT", -360), ("PST", -480), ("PDT", -420),
        ("AKST", -540), ("AKDT", -480), ("HST", -600),
        ("BST", 60), ("CET", 60), ("MET", 60), ("MEZ", 60), ("WEST", 60),
        ("CEST", 120), ("MEST", 120), ("MESZ", 120), ("EET", 120), ("EEST", 180), ("MSK", 180),
        ("IST", 330), ("SGT", 480), ("HKT", 480), ("AWST", 480), ("JST", 540), ("KST", 540),
        ("ACST", 570), ("ACDT", 630), ("AEST", 600), ("AEDT", 660), ("NZST", 720), ("NZDT", 780),
    ]
}
