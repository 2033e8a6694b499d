/// Exit statuses CI can rely on.
public enum ExitCode {
    /// Every input was read and no error-severity finding was reported.
    public static let clean: Int32 = 0
    /// At least one error-severity finding.
    public static let findings: Int32 = 1
    /// A usage error, or an input that could not be read or parsed.
    public static let failure: Int32 = 2
}
