# A runtime error records where it happened: e.file, e.line and e.column.
let name = "n"
let count = 3
try {
  let total = name + count
} catch e {
  print(e.message, e.line, e.column, e.file.ends_with("error_position_fields.gs"))
}
# expect: cannot add string and int 5 15 true
