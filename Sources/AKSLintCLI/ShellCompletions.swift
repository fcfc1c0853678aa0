/// `akslint completions bash|zsh|fish`: a completion script made from ``OptionTable``, so it
/// offers exactly the commands, options and choices the parser accepts.
enum ShellCompletions {
    /// The shells a script can be made for.
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    /// The script for `shell`.
    static func script(for shell: Shell) -> String {
        switch shell {
        case .bash: return bash
        case .zsh: return zsh
        case .fish: return fish
        }
    }

    private static var commandNames: [String] { OptionTable.commands.map(\.name).filter { $0 != "help" } }
    private static var optionNames: [String] { OptionTable.allNames }

    /// What a shell offers after an option: nothing (a flag), one of its words, a file name, or
    /// a free value (shown by its placeholder).
    private enum Completion {
        case flag
        case choices([String])
        case file
        case value(String)
    }

    private static func completion(of spec: OptionSpec) -> Completion {
        switch spec.value {
        case .none: return .flag
        case .choice(let words): return .choices(words)
        case .output: return .file
        case .text(let placeholder): return placeholder.contains("FILE") || placeholder.contains("DIR") ? .file : .value(placeholder)
        }
    }

    // MARK: bash

    private static var bash: String {
        var cases = ""
        for spec in OptionTable.check {
            let names = spec.names.joined(separator: "|")
            switch completion(of: spec) {
            case .choices(let words): cases += "    \(names)) COMPREPLY=($(compgen -W \"\(words.joined(separator: " "))\" -- \"$current\")); return ;;\n"
            case .file: cases += "    \(names)) COMPREPLY=($(compgen -f -- \"$current\")); return ;;\n"
            case .value: cases += "    \(names)) return ;;\n"
            case .flag: break
            }
        }
        return """
            # bash completion for akslint (akslint completions bash > /etc/bash_completion.d/akslint)
            _akslint() {
              local current=${COMP_WORDS[COMP_CWORD]} previous=${COMP_WORDS[COMP_CWORD-1]}
              case "$previous" in
            \(cases)    completions) COMPREPLY=($(compgen -W "\(Shell.allCases.map(\.rawValue).joined(separator: " "))" -- "$current")); return ;;
              esac
              if [[ $COMP_CWORD -eq 1 && $current != -* ]]; then
                COMPREPLY=($(compgen -W "\(commandNames.joined(separator: " "))" -- "$current") $(compgen -f -- "$current"))
              elif [[ $current == -* ]]; then
                COMPREPLY=($(compgen -W "\(optionNames.joined(separator: " "))" -- "$current"))
              else
                COMPREPLY=($(compgen -f -- "$current"))
              fi
            }
            complete -o filenames -F _akslint akslint

            """
    }

    // MARK: zsh

    private static var zsh: String {
        var lines: [String] = []
        for spec in OptionTable.check {
            let help = zshQuoted(firstSentence(spec.help))
            let action = switch completion(of: spec) {
            case .choices(let words): ":\(spec.names[0].drop { $0 == "-" }):(\(words.joined(separator: " ")))"
            case .file: ":file:_files"
            case .value(let placeholder): ":\(placeholder.filter { $0 != "[" && $0 != "]" }):"
            case .flag: ""
            }
            let group = spec.names.count > 1 ? "(\(spec.names.joined(separator: " ")))" : ""
            let names = spec.names.count > 1 ? "{\(spec.names.joined(separator: ","))}" : spec.names[0]
            lines.append("    '\(group)'\(names)'[\(help)]\(action)'")
        }
        return """
            #compdef akslint
            # zsh completion for akslint (akslint completions zsh > "${fpath[1]}/_akslint")
            _akslint() {
              if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then
                _alternative 'commands:command:(\(commandNames.joined(separator: " ")))' 'files:file:_files'
                return
              fi
              [[ $words[2] == completions ]] && { _values shell \(Shell.allCases.map(\.rawValue).joined(separator: " ")); return; }
              _arguments -s \\
            \(lines.joined(separator: " \\\n")) \\
                '*:file:_files'
            }
            _akslint "$@"

            """
    }

    // MARK: fish

    private static var fish: String {
        var lines = ["# fish completion for akslint (akslint completions fish > ~/.config/fish/completions/akslint.fish)",
                     "complete -c akslint -f -n '__fish_use_subcommand' -a '\(commandNames.joined(separator: " "))'",
                     "complete -c akslint -f -n '__fish_seen_subcommand_from completions' -a '\(Shell.allCases.map(\.rawValue).joined(separator: " "))'"]
        for spec in OptionTable.check {
            var line = "complete -c akslint"
            for name in spec.names {
                line += name.hasPrefix("--") ? " -l \(name.dropFirst(2))" : " -s \(name.dropFirst())"
            }
            switch completion(of: spec) {
            case .choices(let words): line += " -x -a '\(words.joined(separator: " "))'"
            case .file: line += " -r -F"
            case .value: line += " -x"
            case .flag: break
            }
            line += " -d '\(firstSentence(spec.help).replacing("'", with: "\\'"))'"
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The help up to its first `;`, cut to about 70 characters at a word: a completion menu's line.
    private static func firstSentence(_ help: String) -> String {
        let sentence = String(help[..<(help.firstIndex(of: ";") ?? help.endIndex)])
        guard sentence.count > 70 else { return sentence }
        var cut = ""
        for word in sentence.split(separator: " ") {
            guard cut.count + word.count + 1 <= 69 else { break }
            cut += (cut.isEmpty ? "" : " ") + word
        }
        return cut + "…"
    }

    /// Text inside zsh's single-quoted `[...]` description: quotes and brackets escaped.
    private static func zshQuoted(_ text: String) -> String {
        text.replacing("'", with: "'\\''").replacing("[", with: "\\[").replacing("]", with: "\\]")
    }
}
