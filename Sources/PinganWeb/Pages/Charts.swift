import Foundation

/// Charts as SVG drawn on the server (no chart library; readable in print): horizontal bars and a daily trend.
enum Charts {
    /// One bar: its label, value and CSS class (colours live in the stylesheet).
    struct Bar: Sendable {
        var label: String
        var value: Double
        var text: String
        var style: String

        init(_ label: String, _ value: Double, text: String? = nil, style: String = "bar") {
            self.label = label
            self.value = value
            self.text = text ?? String(Int(value))
            self.style = style
        }
    }

    /// Horizontal bars, one per row, scaled to the largest value (or to `maximum`).
    static func bars(_ bars: [Bar], title: String, maximum: Double? = nil) -> HTML {
        guard !bars.isEmpty else { return "<p class=\"empty\">—</p>" }
        let (labelWidth, barWidth, rowHeight) = (150.0, 260.0, 24.0)
        let top = maximum ?? max(1, bars.map(\.value).max() ?? 1)
        let height = Double(bars.count) * rowHeight + 4
        let rows = bars.enumerated().map { index, bar -> HTML in
            let y = Double(index) * rowHeight + 2
            let width = top > 0 ? max(0, min(1, bar.value / top)) * barWidth : 0
            return """
                <g><text x="\(number(labelWidth - 6))" y="\(number(y + 16))" text-anchor="end" class="label">\(bar.label)</text>\
                <rect x="\(number(labelWidth))" y="\(number(y + 3))" width="\(number(width))" height="\(number(rowHeight - 8))" class="\(bar.style)"/>\
                <text x="\(number(labelWidth + width + 4))" y="\(number(y + 16))" class="value">\(bar.text)</text></g>
                """
        }
        return """
            <svg class="chart" role="img" aria-label="\(title)" viewBox="0 0 \(number(labelWidth + barWidth + 60)) \(number(height))" \
            width="\(number(labelWidth + barWidth + 60))" height="\(number(height))" xmlns="http://www.w3.org/2000/svg">\
            <title>\(title)</title>\(rows)</svg>
            """
    }

    /// A daily trend: one polyline per series over the same days, with the first, middle and last day labelled.
    static func trend(days: [String], series: [(name: String, values: [Int], style: String)], title: String) -> HTML {
        guard days.count > 1 else { return "<p class=\"empty\">—</p>" }
        let (width, height, left, bottom) = (640.0, 200.0, 36.0, 24.0)
        let top = Double(max(1, series.flatMap(\.values).max() ?? 1))
        let step = (width - left - 8) / Double(days.count - 1)
        func point(_ index: Int, _ value: Int) -> String {
            let x = left + Double(index) * step
            let y = (height - bottom) - Double(value) / top * (height - bottom - 10)
            return "\(number(x)),\(number(y))"
        }
        let lines = series.map { line -> HTML in
            let points = line.values.enumerated().map { point($0.offset, $0.element) }.joined(separator: " ")
            return "<polyline points=\"\(points)\" class=\"\(line.style)\" fill=\"none\"/>"
        }
        let labels = [(0, "start"), (days.count / 2, "middle"), (days.count - 1, "end")].map { index, anchor -> HTML in
            let x = number(left + Double(index) * step)
            return
                "<text x=\"\(x)\" y=\"\(number(height - 6))\" text-anchor=\"\(anchor)\" class=\"label\">\(days[index])</text>"
        }
        let legend = series.enumerated().map { index, line -> HTML in
            let x = left + Double(index) * 120
            return
                "<rect x=\"\(number(x))\" y=\"2\" width=\"12\" height=\"4\" class=\"\(line.style)-key\"/><text x=\"\(number(x + 16))\" y=\"8\" class=\"label\">\(line.name)</text>"
        }
        return """
            <svg class="chart" role="img" aria-label="\(title)" viewBox="0 0 \(number(width)) \(number(height))" \
            width="\(number(width))" height="\(number(height))" xmlns="http://www.w3.org/2000/svg"><title>\(title)</title>\
            <line x1="\(number(left))" y1="\(number(height - bottom))" x2="\(number(width - 8))" y2="\(number(height - bottom))" class="axis"/>\
            <text x="\(number(left - 4))" y="14" text-anchor="end" class="label">\(Int(top))</text>\
            <text x="\(number(left - 4))" y="\(number(height - bottom))" text-anchor="end" class="label">0</text>\
            \(lines)\(labels)\(legend)</svg>
            """
    }

    /// A coordinate with at most one decimal.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
