# Every example in the README and docs/ that shows its output still prints exactly that output.
# An example is a ```gs block followed (blank lines and one line of prose
# allowed between them) by an ```output block (its exact standard output),
# an ```error block (its exact standard error), or both in that order. With
# an ```error block the program must exit 1, otherwise 0; without an
# ```output block its standard output is not checked. Each runs as example.gs
# in a fresh directory, so messages name `example.gs`. A ```gs block with
# neither after it is a fragment and is not run.
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
GS=${GS:-$PWD/build/gs}
[ -x "$GS" ] || { echo "no interpreter at $GS"; exit 1; }
# The examples check documented output, not the collector; some recurse until
# "stack overflow" (a few hundred thousand frames), which takes minutes when
# every allocation collects.
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "too slow with GS_GC_STRESS"; exit 77; fi
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

# Split the examples out: $work/N.gs, N.where, and N.output and/or N.error
perl -e '
  my ($dir, @files) = @ARGV; my $n = 0;
  for my $file (@files) {
    open my $fh, "<", $file or die "$file: $!";
    my @lines = <$fh>; my $i = 0;
    my $block = sub {                 # the fenced block starting at $i: (info, body, next index)
      my ($info) = $lines[$i] =~ /^```(\S*)/; my $body = ""; my $j = $i + 1;
      $body .= $lines[$j++] while $j < @lines && $lines[$j] !~ /^```\s*$/;
      return ($info, $body, $j + 1);
    };
    my $skip_to_block = sub {        # blank lines and at most one line of prose, then a fence?
      my $k = $i; my $prose = 0;
      while ($k < @lines && $lines[$k] !~ /^```/) {
        $prose++ if $lines[$k] =~ /\S/; return undef if $prose > 1; $k++;
      }
      return $k < @lines ? $k : undef;
    };
    while ($i < @lines) {
      if ($lines[$i] !~ /^```/) { $i++; next }
      my $start = $i + 1;
      my ($info, $code, $next) = $block->();
      $i = $next;
      next unless $info eq "gs";
      my %expect;
      for my $kind ("output", "error") {
        my $k = $skip_to_block->();
        next unless defined $k && $lines[$k] =~ /^```\Q$kind\E\s*$/;
        $i = $k;
        my (undef, $text, $after) = $block->();
        $expect{$kind} = $text; $i = $after;
      }
      next unless %expect;
      $n++;
      my %files = (gs => $code, where => "$file:$start");
      $files{$_} = $expect{$_} for keys %expect;
      for (keys %files) {
        open my $out, ">", "$dir/$n.$_" or die; print $out $files{$_}; close $out;
      }
    }
  }
' "$work" README.md $(find docs -name '*.md' | sort) || exit 2

failed=0 count=0
for src in $(ls "$work"/*.gs 2>/dev/null | sort -V); do
  n=${src%.gs}; count=$((count + 1))
  run="$work/run$count"; mkdir "$run"; cp "$src" "$run/example.gs"
  (cd "$run" && timeout 20 "$GS" example.gs >stdout 2>stderr </dev/null); rc=$?
  where=$(cat "$n.where") want_rc=0 bad=""
  [ -f "$n.error" ] && want_rc=1
  [ "$rc" = "$want_rc" ] || bad="exit $rc (want $want_rc)"
  [ -f "$n.output" ] && ! diff -u "$n.output" "$run/stdout" >"$run/diff.out" && bad="$bad stdout differs"
  [ -f "$n.error" ] && ! diff -u "$n.error" "$run/stderr" >"$run/diff.err" && bad="$bad stderr differs"
  if [ -n "$bad" ]; then
    failed=$((failed + 1))
    echo "FAIL $where:$bad"
    cat "$run"/diff.* 2>/dev/null | sed 's/^/    /'
    [ -f "$n.error" ] || sed 's/^/    stderr: /' "$run/stderr" | head -5
  fi
done
[ "$count" -gt 0 ] || { echo "no examples found"; exit 1; }
[ "$failed" = 0 ] || { echo "$failed of $count examples differ"; exit 1; }
echo "ok: $count examples"
