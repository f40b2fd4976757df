# A generator dropped while suspended inside group() stays alive while the group's children run (they report to it).
fn start() {
  let g = fiber(fn() {
    group(fn(grp) {
      grp.spawn(fn() { sleep(0.02); print("child done") })
      yield 1
    })
  })
  g.resume()
}
start()
let junk = []
for i in 0..4000 { junk.push([i, str(i)]) }
junk = nil
sleep(0.05)
print("end")
# expect: child done
# expect: end
