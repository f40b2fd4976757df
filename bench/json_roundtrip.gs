# json_roundtrip: build a large document (orders with nested customers, item
# lists, strings with escapes and non-ASCII text, floats, bools, nulls),
# encode it, decode it, walk the result and encode it again, ROUNDS times.
# Uses the json library (native code); the Lua twin carries its own
# encoder/decoder written in Lua.
let N = 2500
if len(os.args) > 0 { N = int(os.args[0]) }
let ROUNDS = 3

let NAMES = ["Ada Lovelace", "Zoë Brandt", "Jürgen Ólafsson", "Mei \"May\" Lin", "Kwame Mensah", "Ana Souza"]
let NOTES = ["Leave at the door", "Call first\nthen ring", "Fragile:\t\"glass\"", "Back\\side entrance"]
let TAGS = ["gift", "express", "bulk", "fragile", "repeat"]

let seed = 31337
fn rand(n) {    # an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
}

# Keys are written in alphabetical order (the Lua twin's encoder sorts them).
fn make_order(id) {
  let items = []
  let cents = 0
  for j in 0..1 + rand(5) {
    let price = (rand(100000) * 2 + 1) / 200
    let qty = 1 + rand(7)
    items.push({"price": price, "qty": qty, "sku": "SKU-%05d".format(rand(100000)), "weight": (rand(4000) * 2 + 1) / 16})
    cents += int(price * qty * 100)
  }
  let tags = []
  for j in 0..rand(3) { tags.push(TAGS[rand(len(TAGS))]) }
  let note = nil
  if rand(3) == 0 { note = NOTES[rand(len(NOTES))] }
  let cid = rand(5000)
  return {
    "customer": {"email": "user%d@example.com".format(cid), "id": cid, "name": NAMES[cid % len(NAMES)]},
    "id": id,
    "items": items,
    "note": note,
    "paid": rand(2) == 0,
    "tags": tags,
    "total_cents": cents,
  }
}

let orders = []
for i in 0..N { orders.push(make_order(100000 + i)) }
let doc = {"generated": "2026-12-05", "orders": orders, "version": 3}

let text = ""
let same = true
let qty = 0
let weight = 0
let cents = 0
let notes = 0
let paid = 0
let tags = 0
for round in 0..ROUNDS {
  text = json.encode(doc)
  let back = json.decode(text)
  for order in back["orders"] {
    for item in order["items"] {
      qty += item["qty"]
      weight += item["weight"]
    }
    cents += order["total_cents"]
    if order["note"] != nil { notes += 1 }
    if order["paid"] { paid += 1 }
    tags += len(order["tags"])
  }
  if json.encode(back) != text { same = false }
  doc = back
}
print("%d bytes; round trip identical: %s".format(len(text), str(same)))
print("qty %d weight %.4f cents %d notes %d paid %d tags %d".format(qty, weight, cents, notes, paid, tags))
print(text[0:120])
print(text[len(text) - 120:])
