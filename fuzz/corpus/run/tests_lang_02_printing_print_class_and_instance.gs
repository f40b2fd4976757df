# Classes print as <class NAME>, instances as <NAME instance>.
class Point {
  fn init(x) { self.x = x }
}
print(Point, Point(1))
print([Point(2)])
# expect: <class Point> <Point instance>
# expect: [<Point instance>]
