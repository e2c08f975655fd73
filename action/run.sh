#!/usr/bin/env bash
# The action's run step: expand the article globs, run `citecheck verify` on each, record the exit code.
# The step itself never fails here, so the counts and the SARIF upload still run; the last step fails.
set -uo pipefail
shopt -s globstar nullglob

cli=(node "$ACTION_PATH/dist/cli.js" verify)
formats="${INPUT_FORMATS// /}"
# report.json is what the outputs are read from; report.sarif is what the upload needs.
[[ ",$formats," == *,json,* ]] || formats="json,$formats"
if [ "${INPUT_UPLOAD_SARIF:-false}" = true ] && [[ ",$formats," != *,sarif,* ]]; then formats="$formats,sarif"; fi
common=(--format "$formats" --fail-on "$INPUT_FAIL_ON")
# --refs only for a file that is there (or was named): most articles carry their own URLs.
refs="${INPUT_REFERENCES:-}"
[ -z "$refs" ] && [ -f references.json ] && refs=references.json
[ -n "$refs" ] && common+=(--refs "$refs")
[ "${INPUT_ARCHIVE:-false}" = true ] && common+=(--archive)
read -r -a extra <<< "${INPUT_ARGS:-}"

# Split on spaces and new lines, then expand each glob (** included); a glob that matches nothing is an error.
articles=()
set -f
words=(${INPUT_ARTICLES:-})
set +f
for word in "${words[@]}"; do
  if [[ "$word" != *[*?[]* ]]; then articles+=("$word"); continue; fi
  matches=($word)
  if [ "${#matches[@]}" -eq 0 ]; then
    echo "citecheck: no file matches the articles input $word" >&2
    echo "  give article files or globs relative to the repository root, e.g. articles/**/*.txt" >&2
    echo "exit-code=2" >> "$GITHUB_OUTPUT"
    exit 0
  fi
  articles+=("${matches[@]}")
done

code=0
if [ "${#articles[@]}" -le 1 ]; then
  "${cli[@]}" "${articles[@]}" "${common[@]}" --out "$INPUT_OUT" "${extra[@]}"
  code=$?
else
  # One folder per article, numbered so two articles with one name do not share it.
  i=0
  for article in "${articles[@]}"; do
    i=$((i + 1))
    stem=$(basename "$article")
    "${cli[@]}" "$article" "${common[@]}" --out "$INPUT_OUT/$i-${stem%.*}" "${extra[@]}"
    status=$?
    # 2 (bad input) outranks 1 (a failing verdict), which outranks 0.
    [ "$status" -gt "$code" ] && code=$status
  done
fi
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
