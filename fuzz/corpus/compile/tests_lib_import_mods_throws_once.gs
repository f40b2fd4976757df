# skip: helper module (fails the first time it is loaded in a program)
import "../flag"
flag.loads += 1
if flag.loads == 1 { throw "first load fails" }
let ok = "loaded on try ${flag.loads}"
