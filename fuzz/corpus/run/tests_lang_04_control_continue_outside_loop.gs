# 'continue' outside a loop is a compile error.
print("not run")
if true {
  continue
}
# expect error: continue_outside_loop.gs:4:
# expect no output
