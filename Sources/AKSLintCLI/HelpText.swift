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
          -f, --format FORMAT                    text (default), json, sarif, junit, markdown or github (workflow commands)
          -o, --output FILE                      write the report to FILE instead of standard output; repeat -f/-o pairs
                                                 to write several reports from one run ('-o -' is standard output)
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
              --config FILE                      configuration (default: the nearest .akslint.json, here or in a parent)
              --no-config                        read no configuration file
              --baseline FILE                    findings recorded in FILE are counted as baselined, not reported as new
              --write-baseline FILE              record the open findings in FILE (they are then accepted in this run too)
              --sarif-include-suppressed         keep suppressed and baselined findings in SARIF, marked as suppressed

        CONFIGURATION (.akslint.json, comments allowed)
          {"disabledRules": ["AKS702"], "severityOverrides": {"AKS604": "info"}, "failOn": "medium", "strict": false,
           "suppressions": [{"rule": "AKS201", "cluster": "prod-*", "reason": "why it is accepted", "expires": "2027-03-31"}]}
          In a template: "metadata": {"akslint": {"suppress": [{"rule": "AKS201", "reason": "..."}]}} on the cluster resource.
          Suppressed and baselined findings stay in JSON and in the counts; they do not fail the run.

        EXIT STATUS
          0  no open finding at or above --fail-on     1  at least one such finding
          2  usage error, bad configuration or baseline, or an input could not be read (the other inputs are still reported)
          3  internal error (please report it)

        """
}
