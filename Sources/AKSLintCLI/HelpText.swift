/// The text of `akslint --help`.
enum HelpText {
    static let usage = """
        akslint: checks the security posture of Azure Kubernetes Service clusters from their exported configuration.

        USAGE
          akslint [check] [OPTIONS] [PATH ...]   lint files; directories are searched for *.json; '-' reads standard input
          akslint rules [--format text|json|markdown]
          akslint explain RULE-ID
          akslint --version | --help

        INPUTS
          az aks show -g RG -n NAME -o json      one cluster          az aks list -o json      many clusters
          az rest / az resource show / REST bodies                    Azure Resource Graph results ({"data": [...]})
          ARM deployment templates (also compiled Bicep), with a parameters file
          UTF-8 (with or without BOM) or UTF-16 with BOM (Windows PowerShell's '>'); comments and trailing commas allowed

        OPTIONS
          -f, --format text|json|sarif           report format (default: text)
          -o, --output FILE                      write the report to FILE instead of standard output
              --fail-on critical|high|medium|low|info|never
                                                 exit 1 when a finding at or above this severity exists (default: high)
              --min-severity LEVEL               do not report findings below LEVEL
              --rule ID[,ID...]                  run only these rules
              --skip-rule ID[,ID...]             do not run these rules
              --strict                           indeterminate results (values unknown offline) count for --fail-on
              --as-of YYYY-MM-DD                 evaluate date-dependent rules (supported versions) on this day instead of today
              --color auto|always|never          colour text output (auto: on a terminal, unless NO_COLOR is set)
          -q, --quiet                            only findings: no summary, no lines for clean clusters
          -p, --parameters FILE                  ARM parameters file for the templates (default: NAME.parameters.json beside NAME.json)
              --stdin-filename NAME              the path reported for standard input (default: stdin.json)
              --include-passed                   list passing results too (JSON)

        EXIT STATUS
          0  no finding at or above --fail-on     1  at least one such finding
          2  usage error, or an input could not be read (the other inputs are still reported)
          3  internal error (please report it)

        """
}
