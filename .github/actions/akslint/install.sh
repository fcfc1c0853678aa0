#!/usr/bin/env bash
# Downloads the akslint release binary for this runner, checks it against the release's
# SHA256SUMS, and puts it on the PATH of the job's later steps. Any mismatch stops the job: a
# binary that does not match its published checksum is never run.
#
#   AKSLINT_VERSION=0.2.0 [AKSLINT_REPOSITORY=akslint/akslint] [AKSLINT_RELEASE_URL=URL] install.sh
#
# AKSLINT_RELEASE_URL replaces the release's download folder (a mirror, or file:// in tests).
set -euo pipefail
version=${AKSLINT_VERSION:?set the version input, such as 0.2.0}
version=${version#v}
case "$version" in
  *[!A-Za-z0-9.+-]*|"") echo "::error::akslint version '$version' is not a release version"; exit 2 ;;
esac
base=${AKSLINT_RELEASE_URL:-https://github.com/${AKSLINT_REPOSITORY:-akslint/akslint}/releases/download/v$version}
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 ;;
  Linux-aarch64 | Linux-arm64) platform=linux-aarch64 ;;
  Darwin-arm64) platform=macos-arm64 ;;
  *) echo "::error::akslint has no release binary for $(uname -s) $(uname -m)"; exit 2 ;;
esac
asset="akslint-$version-$platform"
folder="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/akslint-$version"
mkdir -p "$folder"
curl --fail --silent --show-error --location --retry 3 --output "$folder/$asset" "$base/$asset"
curl --fail --silent --show-error --location --retry 3 --output "$folder/SHA256SUMS" "$base/SHA256SUMS"
expected=$(awk -v name="$asset" '$2 == name || $2 == "*" name { print $1 }' "$folder/SHA256SUMS")
if command -v sha256sum > /dev/null; then
  actual=$(sha256sum "$folder/$asset" | cut -d' ' -f1)
else
  actual=$(shasum -a 256 "$folder/$asset" | cut -d' ' -f1)
fi
if [ -z "$expected" ] || [ "$expected" != "$actual" ]; then
  rm -f "$folder/$asset"
  echo "::error::$asset does not match the release's SHA256SUMS (expected ${expected:-no entry}, got $actual); not running it"
  exit 2
fi
mv "$folder/$asset" "$folder/akslint"
chmod +x "$folder/akslint"
echo "$folder" >> "${GITHUB_PATH:-/dev/null}"
echo "akslint $version ($platform, sha256 $actual) installed in $folder"
