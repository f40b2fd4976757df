# Yield anywhere: a class's + in sum() and < in max() may yield; another fiber runs in between.
class N {
  fn init(v) { self.v = v }
  fn +(o) { yield; return N(self.v + o.v) }
  fn <(o) { yield; return self.v < o.v }
}
let f = spawn { return [N(1), N(2), N(3)].sum().v }
let g = spawn { return [N(4), N(9), N(2)].max().v }
spawn { for i in 0..3 { print("tick", i); yield } }
print(f.join(), g.join())
# expect: tick 0
# expect: tick 1
# expect: tick 2
# expect: 6 9
