# Interpolation happens only in double-quoted strings.
let x = 1
print('no ${x}')
# expect: no ${x}
