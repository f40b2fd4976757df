# Hostile input: a chain of 5000 modules each importing the next (the C
# stack grows with every nested import) works or stops with a clear error;
# a module importing itself and two modules importing each other are
# reported as import cycles.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
for i in $(seq 0 4999); do
  printf 'import "m%d"\nlet v = m%d.v + 1\n' $((i + 1)) $((i + 1)) >"$HDIR/m$i.gs"
done
printf 'let v = 0\n' >"$HDIR/m5000.gs"
printf 'import "m0"\nprint(m0.v)\n' >"$HDIR/chain.gs"
hostile_run chain "$HDIR/chain.gs"; expect_ok_or_error "5000 nested imports" 5000 'm[0-9]+\.gs:[0-9]+(:[0-9]+)?: '

printf 'import "self"\nprint("ran")\n' >"$HDIR/self.gs"
hostile_run self "$HDIR/self.gs"; expect_clean_error "a module importing itself" 'import cycle'

printf 'import "b"\nlet a = 1\n' >"$HDIR/a.gs"
printf 'import "a"\nlet b = 1\n' >"$HDIR/b.gs"
printf 'import "a"\nprint(a.a)\n' >"$HDIR/cycle.gs"
hostile_run cycle "$HDIR/cycle.gs"; expect_clean_error "two modules importing each other" 'import cycle'

printf 'import "%s"\n' "$(head -c 5000 /dev/zero | tr '\0' a)" >"$HDIR/longname.gs"
hostile_run longname "$HDIR/longname.gs"; expect_clean_error "a 5000-byte module path" 'longname\.gs:1(:[0-9]+)?: '

printf 'import "../../../../../../../../../../dev/null"\n' >"$HDIR/devnull.gs"
hostile_run devnull "$HDIR/devnull.gs"; expect_ok_or_error "importing a path outside the tree" "" 'devnull\.gs:1(:[0-9]+)?: '

hostile_done
