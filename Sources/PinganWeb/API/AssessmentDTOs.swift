import Foundation
import PinganCore
import PinganServices
import PinganStore

/// The wire forms of responsibility lists and assessment (issue 7); keys become snake_case.
enum AssessmentDTO {
    struct ListVersion: Encodable, Sendable {
        var id: UUID
        var title: String
        var version: Int
        var points: Decimal?
        var sourceFormat: String
        var sourceDigest: String
        var importedBy: String
        var importedAt: Date
        var unitMatches: [UnitMatch]
        var items: [Item]
        var negativeList: [Entry]
        var yaml: String?

        init(_ stored: ListRepository.Stored, yaml: Bool = false) {
            id = stored.id
            title = stored.title
            version = stored.version
            points = stored.list.points
            sourceFormat = stored.sourceFormat
            sourceDigest = stored.sourceDigest
            importedBy = stored.importedBy
            importedAt = stored.importedAt
            unitMatches = stored.unitMatches.map { UnitMatch(name: $0.name, unitId: $0.unitID, basis: $0.basis) }
            items = stored.list.scorableItems.map {
                Item(key: $0.key, title: $0.item.title, points: $0.item.points, leadUnits: $0.leadUnits)
            }
            negativeList = stored.list.negativeList.indices.map { index in
                let entry = stored.list.negativeList[index]
                return Entry(
                    key: stored.list.entryKey(index), text: entry.text,
                    rule: entry.rule.map { DeductionRuleText.kind($0) }, flag: entry.flag)
            }
            self.yaml = yaml ? ListYAMLDocument.export([stored.list]) : nil
        }
    }

    struct UnitMatch: Encodable, Sendable {
        var name: String
        var unitId: UUID?
        var basis: String
    }

    struct Item: Encodable, Sendable {
        var key: String
        var title: String
        var points: Decimal?
        var leadUnits: [String]
    }

    struct Entry: Encodable, Sendable {
        var key: String
        var text: String
        var rule: String?
        var flag: String?
    }

    struct ImportAnswer: Encodable, Sendable {
        var stored: [ListVersion]
        var problems: [ProblemLine]
        var unmatchedUnits: [Unmatched]
    }

    struct ProblemLine: Encodable, Sendable {
        var line: Int?
        var severity: String
        var kind: String
        var message: String
    }

    struct Unmatched: Encodable, Sendable {
        var list: String
        var name: String
        var reason: String
    }

    struct Activation: Encodable, Sendable {
        var period: String
        var regionCode: String
        var listTitle: String
        var listId: UUID
        var activatedBy: String
        var activatedAt: Date

        init(_ activation: ListRepository.Activation) {
            period = activation.period
            regionCode = activation.regionCode
            listTitle = activation.listTitle
            listId = activation.listID
            activatedBy = activation.activatedBy
            activatedAt = activation.activatedAt
        }
    }

    struct Score: Encodable, Sendable {
        var id: UUID
        var listId: UUID
        var listVersion: Int
        var period: String
        var regionCode: String
        var itemKey: String
        var unitId: UUID?
        var points: Decimal
        var maximum: Decimal
        var source: String
        var evidence: [Evidence]?
        var indicator: String?
        var value: Decimal?
        var appealId: UUID?
        var explanation: String
        var setBy: String
        var setAt: Date

        init(_ score: ItemScore) {
            id = score.id
            listId = score.listID
            listVersion = score.listVersion
            period = score.period.description
            regionCode = score.regionCode
            itemKey = score.itemKey
            unitId = score.unitID
            points = score.points
            maximum = score.maximum
            explanation = score.explanation
            setBy = score.setBy
            setAt = score.setAt
            switch score.source {
            case .manual(_, let files):
                source = "manual"
                evidence = files.map { Evidence(fileName: $0.fileName, sha256: $0.sha256) }
            case .automatic(let binding, let value, _):
                source = "automatic"
                indicator = binding.indicator.rawValue
                self.value = value
            case .appeal(let appealID, _):
                source = "appeal"
                appealId = appealID
            }
        }
    }

    struct Evidence: Codable, Sendable {
        var fileName: String
        var sha256: String
    }

    struct IncidentDTO: Encodable, Sendable {
        var id: UUID
        var occurredAt: Date
        var regionCode: String
        var unitId: UUID
        var kind: String
        var severity: String?
        var persons: Int
        var description: String
        var sourceCase: String?
        var entryKey: String
        var recordedBy: String
        var recordedAt: Date

        init(_ incident: Incident) {
            id = incident.id
            occurredAt = incident.occurredAt
            regionCode = incident.regionCode
            unitId = incident.unitID
            kind = incident.kind
            severity = incident.severity
            persons = incident.persons
            description = incident.description
            sourceCase = incident.sourceCase
            entryKey = incident.entryKey
            recordedBy = incident.recordedBy
            recordedAt = incident.recordedAt
        }
    }

    struct IncidentAnswer: Encodable, Sendable {
        var incident: IncidentDTO
        var openedCase: CaseDTO?
    }

    struct ScorecardDTO: Encodable, Sendable {
        var unitCode: String
        var unitName: String
        var listId: UUID
        var maximum: Decimal
        var scoredMaximum: Decimal
        var earned: Decimal
        var deducted: Decimal
        var total: Decimal
        var share: Decimal?
        var scoredItems: Int
        var failed: Bool
        var lines: [Line]
        var deductions: [Deduction]

        init(_ card: Scorecard, unit: OrgUnit, passMark: Decimal) {
            unitCode = unit.code
            unitName = unit.name
            listId = card.listID
            maximum = card.maximum
            scoredMaximum = card.scoredMaximum
            earned = card.earned
            deducted = card.deducted
            total = card.total
            share = card.share
            scoredItems = card.scoredItems
            failed = card.failed(passMark: passMark)
            lines = card.lines.map {
                Line(
                    itemKey: $0.itemKey, title: $0.title, maximum: $0.maximum, earned: $0.earned, lost: $0.lost,
                    explanation: $0.explanation, scoreId: $0.score?.id)
            }
            deductions = card.deductions.map {
                Deduction(
                    entryKey: $0.entryKey, text: $0.text, points: $0.points, explanation: $0.explanation,
                    incidentIds: $0.incidentIDs)
            }
        }
    }

    struct Line: Encodable, Sendable {
        var itemKey: String
        var title: String
        var maximum: Decimal
        var earned: Decimal?
        var lost: Decimal?
        var explanation: String
        var scoreId: UUID?
    }

    struct Deduction: Encodable, Sendable {
        var entryKey: String
        var text: String
        var points: Decimal
        var explanation: String
        var incidentIds: [UUID]
    }

    struct RankingDTO: Encodable, Sendable {
        var minimumScoredItems: Int
        var ranked: [Ranked]
        var unranked: [Unranked]
    }

    struct Ranked: Encodable, Sendable {
        var rank: Int
        var unitCode: String
        var unitName: String
        var share: Decimal?
        var total: Decimal
        var scoredItems: Int
    }

    struct Unranked: Encodable, Sendable {
        var unitCode: String
        var unitName: String
        var scoredItems: Int
        var reason: String
    }

    struct CaseDTO: Encodable, Sendable {
        var id: UUID
        var unitId: UUID
        var trigger: String
        var openedBy: String
        var currentStep: String?
        var steps: [Step]
        var circumstances: [Circumstance]
        var rectifications: [Rectification]
        var closedAt: Date?

        init(_ item: AccountabilityCase) {
            id = item.id
            unitId = item.unitID
            trigger = item.trigger.description
            openedBy = item.openedBy
            currentStep = item.current?.step.rawValue
            steps = item.steps.map {
                Step(
                    step: $0.step.rawValue, name: $0.step.chineseName, at: $0.at, deadline: $0.deadline,
                    reason: $0.reason)
            }
            circumstances = item.circumstances.map {
                Circumstance(
                    kind: $0.kind.rawValue, aggravating: $0.kind.isAggravating, note: $0.note,
                    recordedBy: $0.recordedBy,
                    at: $0.at)
            }
            rectifications = item.rectifications.map {
                Rectification(note: $0.note, accepted: $0.accepted, recordedBy: $0.recordedBy, at: $0.at)
            }
            closedAt = item.closedAt
        }
    }

    struct Step: Encodable, Sendable {
        var step: String
        var name: String
        var at: Date
        var deadline: Date
        var reason: String
    }

    struct Circumstance: Encodable, Sendable {
        var kind: String
        var aggravating: Bool
        var note: String
        var recordedBy: String
        var at: Date
    }

    struct Rectification: Encodable, Sendable {
        var note: String
        var accepted: Bool
        var recordedBy: String
        var at: Date
    }

    struct EligibilityDTO: Encodable, Sendable {
        var unitCode: String
        var date: Date
        var honours: Bool
        var awards: Bool
        var promotion: Bool
        var bars: [Bar]

        init(_ answer: HonoursEligibility, unit: OrgUnit) {
            unitCode = unit.code
            date = answer.date
            honours = answer.isEligible(for: .honours)
            awards = answer.isEligible(for: .awards)
            promotion = answer.isEligible(for: .promotion)
            bars = answer.bars.map {
                Bar(
                    consequences: $0.consequences.map(\.rawValue), from: $0.from, until: $0.until,
                    step: $0.step.rawValue, caseId: $0.caseID, reason: $0.reason)
            }
        }
    }

    struct Bar: Encodable, Sendable {
        var consequences: [String]
        var from: Date
        var until: Date
        var step: String
        var caseId: UUID
        var reason: String
    }

    struct AppealDTO: Encodable, Sendable {
        var id: UUID
        var scoreId: UUID
        var unitId: UUID?
        var reason: String
        var filedBy: String
        var filedAt: Date
        var decision: Decision?

        init(_ appeal: Appeal) {
            id = appeal.id
            scoreId = appeal.scoreID
            unitId = appeal.unitID
            reason = appeal.reason
            filedBy = appeal.filedBy
            filedAt = appeal.filedAt
            decision = appeal.decision.map {
                Decision(
                    upheld: $0.upheld, points: $0.points, note: $0.note, decidedBy: $0.decidedBy,
                    decidedAt: $0.decidedAt)
            }
        }
    }

    struct Decision: Encodable, Sendable {
        var upheld: Bool
        var points: Decimal?
        var note: String
        var decidedBy: String
        var decidedAt: Date
    }

    struct DecisionAnswer: Encodable, Sendable {
        var appeal: AppealDTO
        var score: Score?
    }
}

/// The kind of a deduction rule as the API names it.
enum DeductionRuleText {
    static func kind(_ rule: DeductionRule) -> String {
        switch rule.basis {
        case .perIncident: "per_incident"
        case .perIncidentBySeverity: "per_incident_by_severity"
        case .perPerson: "per_person"
        case .rateThreshold: "rate_threshold"
        }
    }
}
