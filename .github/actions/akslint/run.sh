#!/usr/bin/env bash
# Runs akslint as the action's inputs say: annotations on the pull request (github format),
# the job summary (markdown), and a SARIF report for code scanning; records the exit status
# for the gate step, which runs after the upload, so the upload happens either way.
#
#   INPUT_PATHS INPUT_FAIL_ON INPUT_SARIF_CATEGORY INPUT_ARGS (from action.yml), GITHUB_OUTPUT,
#   GITHUB_STEP_SUMMARY, RUNNER_TEMP (from the runner)
set -uo pipefail
read -r -d '' -a paths <<< "${INPUT_PATHS:-.}" || true
read -r -d '' -a extra <<< "${INPUT_ARGS:-}" || true
sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/akslint.sarif"
arguments=(--fail-on "${INPUT_FAIL_ON:-high}" -f github -o - -f sarif -o "$sarif")
[ -n "${GITHUB_STEP_SUMMARY:-}" ] && arguments+=(-f markdown -o "$GITHUB_STEP_SUMMARY")
[ -n "${INPUT_SARIF_CATEGORY:-}" ] && arguments+=(--sarif-category "$INPUT_SARIF_CATEGORY")
akslint "${arguments[@]}" "${extra[@]}" "${paths[@]}"
status=$?
{
  echo "exit-code=$status"
  [ -s "$sarif" ] && echo "sarif-file=$sarif"
} >> "${GITHUB_OUTPUT:-/dev/null}"
echo "akslint exited with $status"
exit 0
