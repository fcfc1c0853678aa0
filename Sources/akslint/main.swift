import AKSLintCLI

await AKSLintExecutable.main()
