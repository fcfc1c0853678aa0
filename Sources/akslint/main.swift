import AKSLintCLI

AKSLintExecutable.main()
