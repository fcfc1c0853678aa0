/// The kind of document an input turned out to be.
public enum InputFormat: String, Sendable, Codable {
    /// One flattened `az aks show -o json` object.
    case azAksShow = "az-aks-show"
    /// An `az aks list -o json` array of flattened objects.
    case azAksList = "az-aks-list"
    /// One REST/ARM resource body (`az rest`, `az resource show`, a portal JSON view).
    case rest = "rest"
    /// A REST list: a bare array of resource bodies, or `{"value": [...]}`.
    case restList = "rest-list"
    /// An Azure Resource Graph result: `{"data": [...]}` or a bare array of rows.
    case resourceGraph = "resource-graph"
    /// PSRule for Azure's `Export-AzRuleData` output: resources with `ResourceType`, `Properties`
    /// and their sub-resources (diagnostic settings, subnets) nested in `resources`.
    case psruleExport = "psrule-export"
    /// Node pools without their cluster: `az aks nodepool show`/`list`, or REST agentPools bodies.
    case agentPools = "agent-pools"
    /// An ARM deployment template.
    case armTemplate = "arm-template"
    /// An ARM deployment parameters file.
    case armParameters = "arm-parameters"
    /// A Bicep file, read natively and lowered onto the template model.
    case bicep = "bicep"
    /// `terraform show -json` of a plan.
    case terraformPlan = "terraform-plan"
    /// `terraform show -json` of a state.
    case terraformState = "terraform-state"
    /// Valid JSON that holds no AKS cluster.
    case unrecognized = "unrecognized"
}

/// Limits that keep any input from exhausting memory or stack. Each kind of file has its own
/// size limit, checked against the file's real size before it is read (and while reading a pipe).
public enum InputLimits {
    /// Largest input to lint, in bytes (an Azure Resource Graph export of tens of thousands of clusters fits).
    public static let maximumBytes = 256 * 1024 * 1024
    /// Largest ARM parameters file: Resource Manager's own limit (4 MB).
    public static let maximumParametersBytes = 4 * 1024 * 1024
    /// Largest `.akslint.json`.
    public static let maximumConfigurationBytes = 1024 * 1024
    /// Largest baseline (about 300,000 accepted findings).
    public static let maximumBaselineBytes = 64 * 1024 * 1024
    /// Deepest nesting of objects and arrays.
    public static let maximumDepth = JSONParser.defaultMaxDepth
}
