import AKSLintCore

/// Which Azure regions have availability zones.
///
/// Written 2026-11-24 from Microsoft Learn, "Azure regions list" (the availability zone column)
/// and "Availability zone service and regional support". A region in neither list is unknown to
/// this table, and rules that depend on it say so (indeterminate) rather than guess.
enum AvailabilityZoneRegions {
    /// The day the table was written.
    static let writtenOn = CalendarDay(year: 2026, month: 11, day: 24)!

    /// Regions with availability zones, by programmatic name.
    static let withZones: Set<String> = [
        // Americas
        "brazilsouth", "canadacentral", "centralus", "chilecentral", "eastus", "eastus2", "mexicocentral", "southcentralus",
        "usgovvirginia", "westus2", "westus3",
        // Europe
        "austriaeast", "belgiumcentral", "denmarkeast", "francecentral", "germanywestcentral", "italynorth", "northeurope",
        "norwayeast", "polandcentral", "spaincentral", "swedencentral", "switzerlandnorth", "uksouth", "westeurope",
        // Middle East and Africa
        "israelcentral", "qatarcentral", "uaenorth", "southafricanorth",
        // Asia Pacific
        "australiaeast", "centralindia", "chinanorth3", "eastasia", "indonesiacentral", "japaneast", "japanwest", "koreacentral",
        "malaysiawest", "newzealandnorth", "southeastasia",
    ]

    /// Regions without availability zones, by programmatic name.
    static let withoutZones: Set<String> = [
        "australiacentral", "australiacentral2", "australiasoutheast", "brazilsoutheast", "canadaeast", "francesouth", "germanynorth",
        "jioindiacentral", "jioindiawest", "koreasouth", "northcentralus", "norwaywest", "southafricawest", "southindia",
        "swedensouth", "switzerlandwest", "uaecentral", "ukwest", "westcentralus", "westindia", "westus",
        "chinaeast", "chinaeast2", "chinanorth", "chinanorth2", "usgovarizona", "usgovtexas", "usdodcentral", "usdodeast",
    ]

    /// Whether `location` (a programmatic name such as `eastus`, or a display name such as
    /// `East US`) has zones; nil when the table does not know it.
    static func hasZones(_ location: String) -> Bool? {
        let name = String(location.unicodeScalars.filter { $0 != " " }).asciiLowercased()
        if withZones.contains(name) { return true }
        if withoutZones.contains(name) { return false }
        return nil
    }
}
