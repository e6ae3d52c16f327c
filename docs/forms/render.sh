#!/usr/bin/env bash
# Regenerates docs/forms/*.png (first page of each Annex I form at 80 dpi) from the sample data
# in tests/Workbench.Tests/Pdf/SampleForms.cs. Needs pdftoppm (apt-get install poppler-utils).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet run -c Release --project "$root/tools/FormGallery" -- "$out" > /dev/null
for pdf in "$out"/*.pdf; do
  name="$(basename "$pdf" .pdf)"
  pdftoppm -r 80 -f 1 -l 1 -png -singlefile "$pdf" "$here/$name"
  echo "$here/$name.png"
done
