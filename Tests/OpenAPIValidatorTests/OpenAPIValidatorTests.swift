import Foundation
import TestSupport
import Testing

/// Zoom's real spec, vendored in the repository.
private let zoomSpecURL = ZoomSpecFile.url

/// Parsed once: the file is 1.9 MB.
private let zoomSpec = Result { try OpenAPISpec(contentsOf: zoomSpecURL) }

/// Parses JSON text the way a client would see a response, so booleans arrive as `NSNumber`s.
private func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

/// A body as the mock server returns it for POST /users/{userId}/meetings.
private func createdMeeting(id: String = "85746065432", extra: String = "") -> String {
    """
    {"id": \(id), "uuid": "aDYlohsHRtCd4ii1uC2+hA==", "host_id": "30R7kT7bTIKSNUFEuH_Qlg", "status": "waiting",
     "topic": "Office hours", "type": 2, "start_time": "2026-11-25T10:00:00Z", "duration": 60,
     "timezone": "Europe/Berlin", "created_at": "2026-11-20T08:15:30Z",
     "start_url": "https://example.com/s/85746065432", "join_url": "https://example.com/j/85746065432",
     "password": "a1B2c3", "host_email": "jchill@example.com", "pre_schedule": false,
     "settings": {"host_video": true, "join_before_host": false, "mute_upon_entry": true, "approval_type": 2,
                  "audio": "both", "auto_recording": "none", "waiting_room": false\(extra)}}
    """
}

private let meetingExtras: Set<String> = ["uuid", "host_id", "status"]

private func createdSchema() throws -> Any {
    try zoomSpec.get().responseSchema(path: "/users/{userId}/meetings", method: "POST", status: 201)
}

@Test func createdMeetingMatchesThe201Schema() throws {
    let problems = try zoomSpec.get().validate(
        json(createdMeeting()), against: createdSchema(), allowedExtraProperties: meetingExtras)
    #expect(problems == [])
}

@Test func the201SchemaDoesNotDeclareUUIDHostIDOrStatus() throws {
    let problems = try zoomSpec.get().validate(json(createdMeeting()), against: createdSchema())
    #expect(
        Set(problems) == [
            "$: unexpected property 'host_id'", "$: unexpected property 'status'", "$: unexpected property 'uuid'",
        ])
}

@Test func stringMeetingIDIsRejected() throws {
    let problems = try zoomSpec.get().validate(
        json(createdMeeting(id: "\"abc\"")), against: createdSchema(), allowedExtraProperties: meetingExtras)
    #expect(problems == ["$.id: expected integer, found string"])
}

@Test func unknownPropertyFailsUnlessAllowedAndOnlyAtTopLevel() throws {
    let spec = try zoomSpec.get()
    let body = try json(createdMeeting().replacingOccurrences(of: "\"duration\"", with: "\"foo\": 1, \"duration\""))
    #expect(
        spec.validate(body, against: try createdSchema(), allowedExtraProperties: meetingExtras) == [
            "$: unexpected property 'foo'"
        ])
    #expect(
        spec.validate(body, against: try createdSchema(), allowedExtraProperties: meetingExtras.union(["foo"])) == [])
    let nested = try json(createdMeeting(extra: ", \"foo\": 1"))
    #expect(
        spec.validate(nested, against: try createdSchema(), allowedExtraProperties: meetingExtras.union(["foo"])) == [
            "$.settings: unexpected property 'foo'"
        ])
}

@Test func booleansAndIntegersAreNotInterchangeable() throws {
    let spec = try zoomSpec.get()
    let schema = try createdSchema()
    let boolDuration = try json(
        createdMeeting().replacingOccurrences(of: "\"duration\": 60", with: "\"duration\": true"))
    #expect(
        spec.validate(boolDuration, against: schema, allowedExtraProperties: meetingExtras) == [
            "$.duration: expected integer, found boolean"
        ])
    let intVideo = try json(
        createdMeeting().replacingOccurrences(of: "\"host_video\": true", with: "\"host_video\": 1"))
    #expect(
        spec.validate(intVideo, against: schema, allowedExtraProperties: meetingExtras) == [
            "$.settings.host_video: expected boolean, found integer"
        ])
    let wrongString = try json(
        createdMeeting().replacingOccurrences(of: "\"host_video\": true", with: "\"host_video\": \"yes\""))
    #expect(
        spec.validate(wrongString, against: schema, allowedExtraProperties: meetingExtras) == [
            "$.settings.host_video: expected boolean, found string"
        ])
    // Swift literals (not JSONSerialization output) must be classified the same way.
    let literal: [String: Any] = [
        "id": 85_746_065_432, "duration": false, "pre_schedule": 0, "settings": ["host_video": true],
    ]
    #expect(
        spec.validate(literal, against: schema) == [
            "$.duration: expected integer, found boolean", "$.pre_schedule: expected boolean, found integer",
        ])
}

@Test func fractionalAndOversizedNumbersAreNotInt64() throws {
    let spec = try zoomSpec.get()
    let schema = try createdSchema()
    let fraction = try json(createdMeeting().replacingOccurrences(of: "\"duration\": 60", with: "\"duration\": 60.5"))
    #expect(
        spec.validate(fraction, against: schema, allowedExtraProperties: meetingExtras) == [
            "$.duration: expected integer, found number"
        ])
    let whole = try json(createdMeeting().replacingOccurrences(of: "\"duration\": 60", with: "\"duration\": 60.0"))
    #expect(spec.validate(whole, against: schema, allowedExtraProperties: meetingExtras) == [])
    let huge = try json(createdMeeting(id: "9223372036854775808"))
    let problems = spec.validate(huge, against: schema, allowedExtraProperties: meetingExtras)
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("$.id: ") == true && problems.first?.hasSuffix("does not fit in int64") == true)
}

@Test func enumDateTimeAndMaxLengthComeFromTheSpec() throws {
    let spec = try zoomSpec.get()
    let schema = try createdSchema()
    let body = createdMeeting()
        .replacingOccurrences(of: "\"type\": 2", with: "\"type\": 4")
        .replacingOccurrences(of: "2026-11-25T10:00:00Z", with: "2026-11-25 10:00")
        .replacingOccurrences(of: "Office hours", with: String(repeating: "x", count: 201))
    #expect(
        Set(spec.validate(try json(body), against: schema, allowedExtraProperties: meetingExtras)) == [
            "$.type: 4 is not one of [1, 2, 3, 8]", "$.start_time: \"2026-11-25 10:00\" is not an RFC 3339 date-time",
            "$.topic: length 201 exceeds maxLength 200",
        ])
}

@Test func getMeetingDeclaresUUIDHostIDAndStatus() throws {
    let spec = try zoomSpec.get()
    let schema = try spec.responseSchema(path: "/meetings/{meetingId}", method: "get", status: 200)
    #expect(spec.validate(try json(createdMeeting()), against: schema) == [])
    let finished = createdMeeting().replacingOccurrences(of: "\"waiting\"", with: "\"finished\"")
    #expect(
        spec.validate(try json(finished), against: schema) == [
            "$.status: \"finished\" is not one of [\"waiting\", \"started\"]"
        ])
}

@Test func getUserAcceptsARealisticUser() throws {
    let spec = try zoomSpec.get()
    let schema = try spec.responseSchema(path: "/users/{userId}", method: "GET", status: 200)
    let user = """
        {"id": "zJKyaiAyTNC-MWjiWC18KQ", "email": "jchill@example.com", "first_name": "Jill", "last_name": "Chill",
         "display_name": "Jill Chill", "type": 1, "account_id": "q6gBJVO5TzexKYTb_I2rpg", "account_number": 10009239,
         "pmi": 3542471135, "use_pmi": false, "timezone": "Asia/Shanghai", "status": "active", "verified": 1,
         "language": "en-US", "role_name": "Owner", "created_at": "2018-10-31T04:32:37Z",
         "user_created_at": "2018-10-31T04:32:37Z", "last_login_time": "2026-11-24T20:40:30Z",
         "group_ids": ["RSMaSp8sTEGK0_oamiA2_w"], "login_types": [100], "plan_united_type": "1"}
        """
    #expect(spec.validate(try json(user), against: schema) == [])
    let broken = user.replacingOccurrences(of: "\"type\": 1, ", with: "")
        .replacingOccurrences(of: "\"pmi\": 3542471135", with: "\"pmi\": \"3542471135\"")
        .replacingOccurrences(of: "[100]", with: "[100, 5]")
    #expect(
        Set(spec.validate(try json(broken), against: schema)) == [
            "$: missing required property 'type'", "$.pmi: expected integer, found string",
            "$.login_types[1]: 5 is not one of [0, 1, 11, 21, 23, 24, 27, 97, 98, 99, 100, 101]",
        ])
}

@Test func missingSpecEntriesThrowDescriptiveErrors() throws {
    let spec = try zoomSpec.get()
    let noPath = #expect(throws: OpenAPIError.self) {
        try spec.responseSchema(path: "/nope", method: "get", status: 200)
    }
    #expect(noPath?.description == "spec has no path '/nope'")
    let noStatus = #expect(throws: OpenAPIError.self) {
        try spec.responseSchema(path: "/users/{userId}/meetings", method: "post", status: 200)
    }
    #expect(noStatus?.description.contains("POST /users/{userId}/meetings documents no 200 response") == true)
}

/// A tiny spec for the composition keywords the Zoom meeting endpoints do not use.
private let tiny = OpenAPISpec(json: [
    "components": [
        "schemas": [
            "Base": ["type": "object", "required": ["id"], "properties": ["id": ["type": "integer"]]],
            "Named": ["properties": ["name": ["type": "string", "nullable": true]]],
            "Thing": ["allOf": [["$ref": "#/components/schemas/Base"], ["$ref": "#/components/schemas/Named"]]],
            "IdOrCode": ["oneOf": [["type": "integer"], ["type": "string", "maxLength": 3]]],
        ]
    ]
])

@Test func refsResolveAgainstComponents() {
    let schema: [String: Any] = [
        "type": "object", "properties": ["base": ["$ref": "#/components/schemas/Base"]],
    ]
    #expect(tiny.validate(["base": ["id": 7]], against: schema) == [])
    #expect(tiny.validate(["base": ["id": "7"]], against: schema) == ["$.base.id: expected integer, found string"])
    #expect(
        tiny.validate(["base": [:] as [String: Any]], against: schema) == ["$.base: missing required property 'id'"])
    let dangling: [String: Any] = ["$ref": "#/components/schemas/Missing"]
    #expect(tiny.validate(1, against: dangling) == ["$: unresolvable $ref '#/components/schemas/Missing'"])
}

@Test func allOfMergesDeclaredPropertiesAndRequiresEveryPart() {
    let thing: [String: Any] = ["$ref": "#/components/schemas/Thing"]
    #expect(tiny.validate(["id": 1, "name": "a"], against: thing) == [])
    #expect(tiny.validate(["id": 1, "name": NSNull()], against: thing) == [])
    #expect(
        tiny.validate(["name": 5], against: thing).sorted()
            == [
                "$.name: expected string, found integer", "$: missing required property 'id'",
            ].sorted())
    #expect(tiny.validate(["id": 1, "extra": true], against: thing) == ["$: unexpected property 'extra'"])
    #expect(tiny.validate(["id": 1, "extra": true], against: thing, allowedExtraProperties: ["extra"]) == [])
}

@Test func oneOfAndAnyOfNeedAtLeastOneMatch() {
    let idOrCode: [String: Any] = ["$ref": "#/components/schemas/IdOrCode"]
    #expect(tiny.validate(42, against: idOrCode) == [])
    #expect(tiny.validate("abc", against: idOrCode) == [])
    let problems = tiny.validate(true, against: idOrCode)
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("$: matches none of the 2 oneOf alternatives") == true)
    #expect(tiny.validate("abcd", against: idOrCode).count == 1)
    let overlapping: [String: Any] = ["anyOf": [["type": "number"], ["type": "integer"]]]
    #expect(tiny.validate(3, against: overlapping) == [])
    // Properties declared by one alternative are fine; ones no alternative declares are not.
    let either: [String: Any] = [
        "type": "object",
        "oneOf": [["properties": ["a": ["type": "string"]]], ["properties": ["b": ["type": "string"]]]],
    ]
    #expect(tiny.validate(["b": "x"], against: either) == [])
    #expect(tiny.validate(["c": "x"], against: either).contains("$: unexpected property 'c'"))
}

@Test func nullableAdditionalPropertiesAndDateTimes() {
    let schema: [String: Any] = [
        "type": "object", "additionalProperties": ["type": "boolean"],
        "properties": [
            "at": ["type": "string", "format": "date-time"],
            "maybe": ["type": "string", "nullable": true], "never": ["type": "string"],
        ],
    ]
    #expect(
        tiny.validate(["at": "2026-11-25T10:00:00.125+01:00", "maybe": NSNull(), "x": true], against: schema) == [])
    #expect(
        tiny.validate(["at": "2026-13-25T10:00:00Z", "never": NSNull(), "x": "no"], against: schema).sorted() == [
            "$.at: \"2026-13-25T10:00:00Z\" is not an RFC 3339 date-time", "$.never: expected string, found null",
            "$.x: expected boolean, found string",
        ])
    let open: [String: Any] = ["type": "object", "additionalProperties": true]
    #expect(tiny.validate(["anything": 1], against: open) == [])
    #expect(
        tiny.validate(["anything": 1], against: ["type": "object"] as [String: Any]) == [
            "$: unexpected property 'anything'"
        ])
}
