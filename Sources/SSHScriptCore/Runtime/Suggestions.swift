/// "Did you mean" hints, by CPython's rule (LANGUAGE.md §10.5): the cost of turning one name
/// into the other, where inserting, deleting or replacing a character costs 2 and replacing it
/// by the same letter in another case costs 1; the cheapest candidate within
/// `(len(a) + len(b) + 3) * 2 // 6` wins (the first one on a tie).
enum Suggestions {
  static func closest(to name: String, in candidates: [String]) -> String? {
    let target = Array(name.unicodeScalars)
    guard target.count <= 40 else { return nil }
    var best: (name: String, cost: Int)?
    for candidate in candidates where candidate != name {
      let other = Array(candidate.unicodeScalars)
      let limit = (target.count + other.count + 3) * 2 / 6
      let cost = distance(target, other)
      if cost <= limit, best.map({ cost < $0.cost }) ?? true { best = (candidate, cost) }
    }
    return best?.name
  }

  private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    var previous = Array(stride(from: 0, through: b.count * 2, by: 2))
    for (i, x) in a.enumerated() {
      var current = [(i + 1) * 2]
      for (j, y) in b.enumerated() {
        let substitution: Int
        if x == y {
          substitution = 0
        } else if x.properties.lowercaseMapping == y.properties.lowercaseMapping {
          substitution = 1
        } else {
          substitution = 2
        }
        current.append(min(previous[j] + substitution, previous[j + 1] + 2, current[j] + 2))
      }
      previous = current
    }
    return previous[b.count]
  }
}
