# string_build: a CSV export, a fixed-width text report and an HTML table
# filled from a template, each built piece by piece from generated records
# (concatenation, `+=`, format, replace, join, repeat).
let N = 60000
if len(os.args) > 0 { N = int(os.args[0]) }

let FIRST = ["Ada", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
let LAST = ["Smith", "Okafor", "Garcia", "Novak", "Tanaka", "Muller", "Rossi", "Silva", "Kowalski"]
let CITIES = ["Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Tunis", "Quebec"]

let seed = 2024
fn rand(n) {    # an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
}

let records = []
for i in 0..N {
  let name = FIRST[rand(len(FIRST))] + " " + LAST[rand(len(LAST))]
  if rand(10) == 0 { name = name + " & Sons" }
  records.push({
    "id": 1000 + i,
    "name": name,
    "city": CITIES[rand(len(CITIES))],
    "qty": 1 + rand(50),
    "price": rand(100000) / 100,
  })
}

# CSV: one concatenated line per record, joined at the end.
let rows = ["id,name,city,qty,price,total"]
for r in records {
  let line = str(r["id"]) + "," + r["name"] + "," + r["city"] + "," + str(r["qty"]) + ","
  line = line + "%.2f".format(r["price"]) + "," + "%.2f".format(r["qty"] * r["price"])
  rows.push(line)
}
let csv = "\n".join(rows) + "\n"

# Text report: a section per city with aligned columns and a subtotal.
let report = []
let rule = "-".repeat(64)
for city in CITIES {
  report.push("== " + city.upper() + " ==")
  report.push("%-6s %-24s %5s %10s %12s".format("id", "name", "qty", "price", "total"))
  report.push(rule)
  let count = 0
  let sum = 0
  for r in records {
    if r["city"] != city { continue }
    let total = r["qty"] * r["price"]
    report.push("%-6d %-24s %5d %10.2f %12.2f".format(r["id"], r["name"], r["qty"], r["price"], total))
    count += 1
    sum += total
  }
  report.push(rule)
  report.push("%-6s %-24s %5d %10s %12.2f".format("", "subtotal", count, "", sum))
  report.push("")
}
let text = "\n".join(report)

# HTML: a row template filled with replace, cells appended with +=.
let TEMPLATE = "<tr class=\"{{class}}\"><td>{{id}}</td><td>{{name}}</td>{{cells}}</tr>"
let html = []
html.push("<table>")
for i, r in records {
  let cells = ""
  for v in [r["city"], str(r["qty"]), "%.2f".format(r["price"])] {
    cells += "<td>" + v + "</td>"
  }
  let kind = "even"
  if i % 2 == 1 { kind = "odd" }
  let row = TEMPLATE.replace("{{class}}", kind).replace("{{id}}", str(r["id"]))
  row = row.replace("{{name}}", r["name"].replace("&", "&amp;")).replace("{{cells}}", cells)
  html.push(row)
}
html.push("</table>")
let page = "\n".join(html)

fn show(label, s) {
  let lines = s.split("\n")
  print("%s: %d bytes, %d lines".format(label, len(s), len(lines)))
  print("  " + lines[1])
  print("  " + lines[len(lines) - 2])
}
show("csv", csv)
show("report", text)
show("html", page)
let sons = 0
for line in html { if line.contains("&amp; Sons") { sons += 1 } }
print("rows with & Sons: %d".format(sons))
