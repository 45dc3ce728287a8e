// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "sshs",
  products: [
    .executable(name: "sshs", targets: ["sshs"]),
    .library(name: "SSHScriptCore", targets: ["SSHScriptCore"]),
  ],
  dependencies: [
    // Insertion-ordered dicts and sets (Python's dict order) and arbitrary-precision integers.
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
  ],
  targets: [
    // System libraries, found with pkg-config. Only Execution/SSH imports CLibSSH2;
    // only the REPL's line reader imports CLibEdit.
    .systemLibrary(
      name: "CLibSSH2", path: "Sources/CLibSSH2", pkgConfig: "libssh2",
      providers: [.apt(["libssh2-1-dev"])]),
    .systemLibrary(
      name: "CLibEdit", path: "Sources/CLibEdit", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]),
    .target(
      name: "SSHScriptCore",
      dependencies: [
        "CLibSSH2", "CLibEdit",
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "BigInt", package: "BigInt"),
      ],
      swiftSettings: [
        // The interpreter's hot paths touch class properties constantly; their dynamic
        // exclusivity checks cost ~10% and guard nothing the interpreter lock does not.
        .unsafeFlags(["-enforce-exclusivity=unchecked"])
      ]),
    .executableTarget(
      name: "sshs",
      dependencies: ["SSHScriptCore"]),
    .executableTarget(
      name: "parse-benchmark",
      dependencies: ["SSHScriptCore"],
      path: "Benchmarks/parse",
      exclude: ["run.sh"]),
    .testTarget(
      name: "SSHScriptCoreTests",
      dependencies: ["SSHScriptCore"],
      resources: [.copy("Resources")]),
    .testTarget(
      name: "sshsCLITests",
      dependencies: ["SSHScriptCore"]),
  ],
  swiftLanguageModes: [.v6]
)
