# Every method and library member that help() knows is documented somewhere in docs/.
# help("list") and friends list the methods of each built-in type, help(math)
# the members of each library module; each name must appear in docs/*.md as
# a call (`push(`, `math.floor(`) or, for a constant, in a code span
# (`pi`, `stdin`). Modules that do not exist (yet) are skipped.
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
GS=${GS:-$PWD/build/gs}
[ -x "$GS" ] || { echo "no interpreter at $GS"; exit 1; }

missing=0 checked=0
check() {  # KIND NAME: is NAME documented?
  local kind=$1 name=$2 pattern
  case $kind in
    method|function) pattern="[.\`]${name}\\(" ;;
    constant) pattern="\`([a-z_]+\\.)?${name}\`" ;;
  esac
  checked=$((checked + 1))
  if ! grep -Eq "$pattern" docs/*.md; then
    echo "undocumented $kind: $3"
    missing=$((missing + 1))
  fi
}

for type in string list map range fiber channel; do
  help=$("$GS" -e "help(\"$type\")" 2>&1) || { echo "help(\"$type\") failed: $help"; exit 1; }
  while read -r full; do check method "${full#*.}" "$full"; done \
    < <(printf '%s\n' "$help" | sed -n "s/^  \($type\.[a-z_0-9]*\)(.*/\1/p")
done

for module in math io os json utf8 re net proc; do
  help=$("$GS" -e "help($module)" 2>/dev/null) || continue
  while read -r full; do check function "${full#*.}" "$full"; done \
    < <(printf '%s\n' "$help" | sed -n "s/^  \($module\.[a-z_0-9]*\)(.*/\1/p")
  while read -r name; do check constant "$name" "$module.$name"; done \
    < <(printf '%s\n' "$help" | sed -n 's/^  \([a-z_0-9]*\) = .*/\1/p')
done

[ "$checked" -gt 40 ] || { echo "help() listed only $checked names; is its format still the same?"; exit 1; }
[ "$missing" = 0 ] || { echo "$missing of $checked names are not in docs/"; exit 1; }
echo "ok: $checked methods and library members, all documented"
