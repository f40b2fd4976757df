# break and continue inside typed catch clauses leave or go on with the loop.
class Skip : Error {}
class Stop : Error {}
for i in 0..10 {
  try {
    if i == 1 { throw Skip() }
    if i == 3 { throw Stop() }
    print(i)
  } catch e is Skip { continue } catch e is Stop { break }
}
print("done")
# expect: 0
# expect: 2
# expect: done
