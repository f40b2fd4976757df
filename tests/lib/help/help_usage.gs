# help() alone prints how to use the REPL; help returns nil.
let r = help()
print(r)
# expect: GreenScript REPL
# expect:   Type an expression to see its value, or any statement; an unfinished
# expect:   entry (an open bracket or string, a trailing operator) continues on
# expect:   the next line.
# expect:   help(x)        what x is: a function's signature and description, the
# expect:                  members of a module, class or value
# expect:   help("name")   the same by name: help("math.floor"), help("list")
# expect:   Tab            complete names, keywords, module members, fields and
# expect:                  methods, and file names in import "..."
# expect:   :full          show long results in full, or shortened again (gs --repl-full)
# expect:   Ctrl-C         discard the entry, or stop running code
# expect:   Ctrl-D         leave (or os.exit(code))
# expect:   # comment lines right above `fn name(...)` are what help(name) shows.
# expect: nil
