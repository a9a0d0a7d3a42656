import CBriefingSystem
/// Maps `items` with `transform` on every core, keeping the input order.
func parallelMap<Input: Sendable, Output: Sendable>(
    _ items: [Input], transform: @escaping @Sendable (Input) throws(BuildError) -> Output
) async throws(BuildError) -> [Output] {
    if items.count < 2 {
        return try items.map { item throws(BuildError) in try transform(item) }
    }
    // Many small chunks, taken by whichever core is free, so one slow item (a big index page) does not leave
    // the other cores idle at the end.
    let workers = min(items.count, max(1, ProcessInfoCores.count))
    let chunk = max(1, (items.count + workers * 32 - 1) / (workers * 32))
    let result: Result<[Output], BuildError> = await withTaskGroup(of: (Int, Result<[Output], BuildError>).self) { group in
        var start = 0
        while start < items.count {
            let range = start..<min(items.count, start + chunk)
            let slice = Array(items[range])
            group.addTask {
                briefing_reserve_thread_heap()
                do throws(BuildError) {
                    return (range.lowerBound, .success(try slice.map { item throws(BuildError) in try transform(item) }))
                } catch {
                    return (range.lowerBound, .failure(error))
                }
            }
            start = range.upperBound
        }
        var parts: [(Int, [Output])] = []
        var firstError: (Int, BuildError)?
        for await (offset, outcome) in group {
            switch outcome {
            case .success(let outputs): parts.append((offset, outputs))
            case .failure(let error):
                if firstError == nil || offset < firstError!.0 { firstError = (offset, error) }
            }
        }
        if let firstError { return .failure(firstError.1) }
        return .success(parts.sorted { $0.0 < $1.0 }.flatMap(\.1))
    }
    return try result.get()
}

import Foundation

/// Maps `items` with `transform`, which cannot fail, on every core as `parallelMap` does, but takes the costliest
/// first (by `cost`, ties in input order): what is left when one core runs out of work is then small, and the
/// other core does not wait long for it. Results keep the input order.
func parallelMap<Input: Sendable, Output: Sendable>(
    _ items: [Input], costliestFirst cost: (Input) -> Int, each transform: @escaping @Sendable (Input) -> Output
) async -> [Output] {
    let costs = items.map(cost)
    let order = items.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    let run = { @Sendable (index: Int) -> Output in transform(items[index]) }
    // `run` cannot throw, so neither can the map: `try?` only meets its signature.
    let outputs = (try? await parallelMap(order) { index throws(BuildError) in run(index) }) ?? order.map(run)
    var place = [Int](repeating: 0, count: items.count)
    for (position, index) in order.enumerated() { place[index] = position }
    return place.map { outputs[$0] }
}

enum ProcessInfoCores {
    static let count = ProcessInfo.processInfo.activeProcessorCount
}

/// Maps `items` with `transform`, which cannot fail, on every core, keeping the input order.
func concurrentMap<Input: Sendable, Output: Sendable>(_ items: [Input], each transform: @Sendable (Input) -> Output) -> [Output] {
    // Only a task that produced no result can fail; the map is then done again here.
    (try? concurrentMap(items) { item throws(BuildError) in transform(item) }) ?? items.map(transform)
}

/// Maps `items` with `transform` on every core without leaving synchronous code, keeping the input order. When
/// items fail, the first error (in input order) is thrown carrying the others, so every failing item is reported.
func concurrentMap<Input: Sendable, Output: Sendable>(
    _ items: [Input], transform: @Sendable (Input) throws(BuildError) -> Output
) throws(BuildError) -> [Output] {
    if items.count < 2 { return try items.map { item throws(BuildError) in try transform(item) } }
    let results = Mutex([Result<Output, BuildError>?](repeating: nil, count: items.count))
    let chunks = min(items.count, ProcessInfoCores.count * 4)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        briefing_reserve_thread_heap()
        let range = (items.count * chunk / chunks)..<(items.count * (chunk + 1) / chunks)
        var local: [Result<Output, BuildError>] = []
        local.reserveCapacity(range.count)
        // Items lent to `transform` where they lie, not copied out of the array first.
        items.withUnsafeBufferPointer { items in
            for index in range {
                do throws(BuildError) {
                    local.append(.success(try transform(items[index])))
                } catch {
                    local.append(.failure(error))
                }
            }
        }
        results.withLock { all in
            for (offset, result) in local.enumerated() { all[range.lowerBound + offset] = result }
        }
    }
    let all = results.withLock { $0 }
    var outputs: [Output] = []
    outputs.reserveCapacity(items.count)
    var failures: [BuildError] = []
    for result in all {
        switch result {
        case .success(let output)?: outputs.append(output)
        case .failure(let error)?: failures.append(error)
        case nil: failures.append(BuildError(stage: "internal", message: "a parallel task produced no result"))
        }
    }
    if var first = failures.first {
        first.others = Array(failures.dropFirst())
        throw first
    }
    return outputs
}

/// Starts `work` on a thread of its own and returns a function that waits for its result: for synchronous code
/// with work that can run beside what it does next (on a core it would leave idle). The wait blocks the caller's
/// thread, which may be one of Swift concurrency's few: `work` must never wait for a task.
func startBeside<Output: Sendable>(_ work: @escaping @Sendable () -> Output) -> () -> Output {
    let result = Mutex<Output?>(nil)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let output = work()
        result.withLock { $0 = output }
        done.signal()
    }
    thread.start()
    return {
        done.wait()
        guard let output = result.withLock({ $0 }) else { preconditionFailure("the thread signalled without a result") }
        return output
    }
}

import Dispatch
import Synchronization
