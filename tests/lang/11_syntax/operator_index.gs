# `fn [](i)` and `fn []=(i, v)` give an instance indexing, also in compound assignment.
class Grid {
  fn init() { self.cells = {} }
  fn [](p) { return self.cells.get(str(p), 0) }
  fn []=(p, v) { self.cells[str(p)] = v }
}
let g = Grid()
g[[1, 2]] = 5
g[[1, 2]] += 1
print(g[[1, 2]], g[[0, 0]])
# expect: 6 0
