# Hostile input: a 100 MB string literal (generated here, at run time) is
# read, lexed and run — print(len(s)) — or refused with a clear error;
# within the runner's time limit and without a crash. Also a 100 MB
# comment, and a 100 MB file of blank lines.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
MB100=$((100 * 1024 * 1024))
xs() { head -c "$1" /dev/zero | tr '\0' "$2"; }

{ printf 'let s = "'; xs $MB100 x; printf '"\nprint(len(s), s[-1])\n'; } >"$HDIR/str.gs"
hostile_run str "$HDIR/str.gs"; expect_ok_or_error "100 MB string literal" "$MB100 x" 'str\.gs:[0-9]+(:[0-9]+)?: '
rm -f "$HDIR/str.gs"

{ printf '# '; xs $MB100 c; printf '\nprint("ok")\n'; } >"$HDIR/comment.gs"
hostile_run comment "$HDIR/comment.gs"; expect_ok_or_error "100 MB comment" ok 'comment\.gs:[0-9]+(:[0-9]+)?: '
rm -f "$HDIR/comment.gs"

{ xs $MB100 '\n'; printf 'print("ok")\n'; } >"$HDIR/lines.gs"
hostile_run lines "$HDIR/lines.gs"; expect_ok_or_error "100 MB of newlines" ok 'lines\.gs:[0-9]+(:[0-9]+)?: '
rm -f "$HDIR/lines.gs"

hostile_done
