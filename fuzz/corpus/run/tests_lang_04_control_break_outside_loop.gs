# 'break' outside a loop is a compile error.
print("not run")
break
# expect error: break_outside_loop.gs:3:
# expect no output
