/// `--ticket-url 'https://example.zendesk.com/agent/tickets/{id}'`: where a ticket id in a
/// report links to. Every `{id}` is replaced by the id, percent-encoded (all but RFC 3986
/// unreserved characters), so an id with `&`, `<`, `/` or spaces cannot change the address
/// around it.
public struct TicketLinkTemplate: Sendable, Equatable {
    public static let placeholder = "{id}"

    public let template: String

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case noPlaceholder
        case url(WebURL.Problem)

        public var description: String {
            switch self {
            case .noPlaceholder: "has no \(TicketLinkTemplate.placeholder) where the ticket id goes"
            case let .url(problem): problem.description
            }
        }
    }

    public init(_ template: String) throws(Problem) {
        guard template.contains(Self.placeholder) else { throw .noPlaceholder }
        do {
            _ = try WebURL(template.replacingOccurrences(of: Self.placeholder, with: "0"))
        } catch {
            throw .url(error)
        }
        self.template = template
    }

    /// The address of one ticket, or nil when it would exceed `WebURL.maximumLength` (a
    /// pathological id): the id is then shown without a link.
    public func url(for id: String) -> String? {
        let url = template.replacingOccurrences(of: Self.placeholder, with: Self.percentEncoded(id))
        return url.count <= WebURL.maximumLength ? url : nil
    }

    /// UTF-8 bytes outside `A–Z a–z 0–9 - . _ ~` as `%XX`.
    static func percentEncoded(_ raw: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
