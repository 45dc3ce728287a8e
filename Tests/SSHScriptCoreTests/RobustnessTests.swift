import Foundation
import Testing

@testable import SSHScriptCore

/// Hostile input ends in a diagnostic (or parses), never in a crash: the parser runs on its own
/// large stack and bounds every kind of nesting.
@Suite("robustness")
struct RobustnessTests {
  func diagnostic(_ bytes: [UInt8]) -> Diagnostic? {
    do {
      _ = try Program.parse(bytes: bytes, name: "<test>")
      return nil
    } catch {
      return error
    }
  }

  func diagnostic(_ source: String) -> Diagnostic? { diagnostic(Array(source.utf8)) }

  @Test func thousandNestedBrackets() {
    let source = "x = " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)
    let found = diagnostic(source)
    #expect(found?.message == "too many nested parentheses")
    #expect(found?.location.column == 205)
  }

  @Test func deepButAllowedNestingParses() {
    let source = "x = " + String(repeating: "[", count: 199) + "1" + String(repeating: "]", count: 199)
    #expect(diagnostic(source) == nil)
  }

  @Test(arguments: ["-", "not ", "~", "lambda: ", "1 if 1 else "])
  func longChainsOfPrefixOperators(prefix: String) {
    let source = "x = " + String(repeating: prefix, count: 100_000) + "1"
    #expect(diagnostic(source)?.message == "expression or block is nested too deeply")
  }

  @Test func deeplyNestedFStrings() {
    let source = "x = " + String(repeating: "f\"{", count: 3000) + "1" + String(repeating: "}\"", count: 3000)
    #expect(diagnostic(source)?.message.hasSuffix("nested too deeply") == true)
  }

  @Test func tooManyIndentationLevels() {
    var source = ""
    for level in 0..<150 { source += String(repeating: " ", count: level) + "if x:\n" }
    source += String(repeating: " ", count: 150) + "pass\n"
    #expect(diagnostic(source)?.message == "too many levels of indentation")
  }

  @Test func fiveMegabyteLine() {
    let source = "x = '" + String(repeating: "a", count: 5_000_000) + "'\n"
    #expect(diagnostic(source) == nil)
    let unterminated = "x = '" + String(repeating: "a", count: 5_000_000) + "\n"
    #expect(diagnostic(unterminated)?.message == "unterminated string literal (detected at line 1)")
  }

  @Test func fiveMegabyteCommandLine() {
    let source = "$echo " + String(repeating: "a b ", count: 1_250_000) + "\n"
    #expect(diagnostic(source) == nil)
  }

  @Test func nulByte() {
    let found = diagnostic([UInt8]("x = 1".utf8) + [0] + [UInt8]("\n".utf8))
    #expect(found?.message == "source code cannot contain null bytes")
    #expect(found?.location.column == 6)
  }

  @Test func invalidUTF8() {
    let found = diagnostic([UInt8]("a = 1\nb = '".utf8) + [0xC3, 0x28] + [UInt8]("'\n".utf8))
    #expect(found?.message.hasPrefix("invalid UTF-8 byte 0xc3") == true)
    #expect(found?.location.line == 2)
  }

  @Test func emptyAndBlankFilesParse() {
    #expect(diagnostic("") == nil)
    #expect(diagnostic("\n\n   \n# only a comment") == nil)
  }

  @Test func randomBytesNeverCrash() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("()[]{}'\"\\$@#:;=+-*/!%^&|<>.,fbr 0123456789abc\n\t".utf8)
    for _ in 0..<2000 {
      let length = Int.random(in: 0..<80, using: &generator)
      let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
      _ = diagnostic(bytes)
    }
  }
}
