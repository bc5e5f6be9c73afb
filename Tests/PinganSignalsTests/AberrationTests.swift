import PinganSignals
import Testing

@Suite("Aberration detection")
struct AberrationTests {
    private func close(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        return abs(a - b) <= 1e-6
    }

    @Test(
        "EARS C1, C2 and r-compatible C3 match surveillance::earsC to 1e-6",
        arguments: RReferenceData.cases.filter {
            $0.method != "cusum"
        })
    func earsMatchesR(reference: RReferenceData.Case) throws {
        let method = try #require(EARS.Method(rawValue: reference.method.lowercased()))
        let ears = try EARS(
            method: method, baseline: reference.baseline, alpha: reference.alpha, minSigma: reference.minSigma,
            rCompatible: true)
        let points = ears.evaluate(reference.series)
        #expect(points.map { $0.index + 1 } == reference.t)
        for (point, (bound, alarm)) in zip(points, zip(reference.upperbound, reference.alarm)) {
            #expect(close(point.upperbound, bound), "\(reference.name) t=\(point.index + 1)")
            #expect(point.alarm == alarm, "\(reference.name) t=\(point.index + 1)")
        }
    }

    @Test(
        "CUSUM without reset matches surveillance::algo.cusum to 1e-6",
        arguments: RReferenceData.cases.filter {
            $0.method == "cusum"
        })
    func cusumMatchesR(reference: RReferenceData.Case) throws {
        // The R script stores k in `alpha` and h in `minSigma` for the CUSUM cases.
        let cusum = try CUSUM(k: try #require(reference.alpha), h: reference.minSigma, baseline: 7, reset: false)
        let points = cusum.evaluate(reference.series)
        #expect(points.map { $0.index + 1 } == reference.t)
        for (index, point) in points.enumerated() {
            #expect(close(point.upperbound, reference.upperbound[index]), "\(reference.name) t=\(point.index + 1)")
            #expect(point.alarm == reference.alarm[index], "\(reference.name) t=\(point.index + 1)")
            #expect(close(point.statistic, reference.cusum[index]), "\(reference.name) t=\(point.index + 1)")
        }
    }

    @Test("the EARS threshold is qnorm(1 - alpha) as R computes it")
    func thresholdIsNormalQuantile() throws {
        #expect(abs(try EARS(method: .c1).z - 3.090232306167813) < 1e-12)
        #expect(abs(try EARS(method: .c3).z - 1.959963984540054) < 1e-12)
        #expect(abs(NormalQuantile.quantile(1e-10) + 6.361340902404056) < 1e-9)
    }

    @Test("textbook C3 alarms on the day of the jump where R's C3 is one day late")
    func textbookC3AlarmsOnTheDay() throws {
        // Berlin 'ha' series around t = 286 (docs/SIGNALS.md): textbook C3 = 2.905 > 1.96 on the peak day.
        let series = try #require(RReferenceData.cases.first { $0.name.hasPrefix("berlin C3 default") })
        let textbook = try EARS(method: .c3).evaluate(series.series)
        let rCompatible = try EARS(method: .c3, rCompatible: true).evaluate(series.series)
        let peak = try #require(textbook.first { $0.index == 285 })
        #expect(abs(peak.statistic - 2.905) < 0.001)
        #expect(peak.alarm == true)
        #expect(rCompatible.first { $0.index == 285 }?.alarm == false)
        #expect(rCompatible.first { $0.index == 286 }?.alarm == true)
    }

    @Test("textbook C3 alarm agrees with its reported upper bound")
    func textbookC3BoundIsConsistent() throws {
        let series: [Double] = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3, 3, 5, 9, 14, 6, 4, 3, 2, 3, 4]
        for point in try EARS(method: .c3, minSigma: 0.5).evaluate(series) {
            #expect(point.alarm == (point.count > point.upperbound), "t=\(point.index)")
        }
    }

    @Test("CUSUM with reset restarts at zero after an alarm")
    func cusumResets() throws {
        let series: [Double] = [5, 5, 5, 5, 5, 5, 5, 20, 20, 5, 5]
        let withReset = try CUSUM(baseline: 7).evaluate(series)
        let withoutReset = try CUSUM(baseline: 7, reset: false).evaluate(series)
        #expect(withReset.map(\.alarm) == [true, true, false, false])
        #expect(withoutReset.map(\.alarm) == [true, true, true, true])
    }

    @Test("invalid parameters are rejected with the parameter's name")
    func invalidParameters() {
        #expect(throws: SignalsError.invalidParameter(name: "baseline", reason: "must be at least 3")) {
            try EARS(method: .c1, baseline: 2)
        }
        #expect(throws: SignalsError.invalidParameter(name: "alpha", reason: "must be in (0, 1)")) {
            try EARS(method: .c2, alpha: 1.5)
        }
    }

    @Test("a series shorter than the baseline gives no points")
    func shortSeries() throws {
        #expect(try EARS(method: .c3).evaluate([1, 2, 3]).isEmpty)
        #expect(try CUSUM().evaluate([]).isEmpty)
    }

    @Test("Kleinberg's two-state automaton finds the burst of a keyword stream")
    func kleinbergFindsBurst() throws {
        // The example of PyPI burst-detection 0.1.3 (docs/SIGNALS.md): burst at t = 4…6, weight 17.7168.
        let relevant = [2, 3, 2, 2, 15, 20, 18, 3, 2, 2]
        let result = try KleinbergBurst(s: 2, gamma: 1).detect(
            relevant: relevant, total: Array(repeating: 100, count: 10))
        #expect(result.states == [0, 0, 0, 0, 1, 1, 1, 0, 0, 0])
        #expect(result.bursts.count == 1)
        #expect(abs((result.bursts.first?.weight ?? 0) - 17.7168) < 1e-3)
    }
}
