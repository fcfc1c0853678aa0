@testable import AKSLintCore
import Testing

@Suite("ARM expression evaluation")
struct ExpressionEvaluatorTests {
    static var harness: TemplateHarness { try! TemplateHarness(
        parameters: #"""
            {"name": {"type": "string", "defaultValue": "aks"},
             "count": {"type": "int", "defaultValue": 3},
             "on": {"type": "bool", "defaultValue": true},
             "missing": {"type": "string"},
             "nullable": {"type": "string", "nullable": true},
             "tags": {"type": "object", "defaultValue": {"env": "prod", "team": {"a": 1}}},
             "derived": {"type": "string", "defaultValue": "[concat(parameters('name'), '-x')]"},
             "fromFile": {"type": "string", "defaultValue": "default"}}
            """#,
        variables: #"""
            {"prefix": "[toUpper(parameters('name'))]",
             "pools": [{"name": "a"}, {"name": "b"}],
             "loop": "[variables('loop')]",
             "copy": [{"name": "disks", "count": 2, "input": "[concat('disk', copyIndex('disks'))]"}]}
            """#,
        given: ["fromFile": #""file value""#]) }

    @Test("every function evaluates as ARM does", arguments: [
        // parameters and variables
        ("[parameters('name')]", #""aks""#), ("[parameters('NAME')]", #""aks""#), ("[parameters('derived')]", #""aks-x""#),
        ("[parameters('fromFile')]", #""file value""#), ("[parameters('nullable')]", "null"),
        ("[variables('prefix')]", #""AKS""#), ("[variables('pools')[1].name]", #""b""#), ("[variables('disks')]", #"["disk0","disk1"]"#),
        ("[parameters('tags').env]", #""prod""#), ("[parameters('tags')['team'].A]", "1"),
        // logic
        ("[if(parameters('on'), 'yes', 'no')]", #""yes""#), ("[if(false(), 'yes', 'no')]", #""no""#),
        ("[equals(1, 1)]", "true"), ("[equals('a', 'A')]", "false"), ("[equals(createArray(1, 'x'), createArray(1, 'x'))]", "true"),
        ("[equals(parameters('tags'), json('{\"ENV\": \"prod\", \"team\": {\"a\": 1}}'))]", "true"),
        ("[not(true())]", "false"), ("[and(true(), true(), false())]", "false"), ("[or(false(), true())]", "true"),
        ("[coalesce(null(), parameters('nullable'), 'c')]", #""c""#), ("[coalesce(null())]", "null"),
        ("[empty('')]", "true"), ("[empty(createObject())]", "true"), ("[empty(createArray(1))]", "false"), ("[empty(null())]", "true"),
        ("[contains('abc', 'b')]", "true"), ("[contains('abc', 'B')]", "false"), ("[contains(parameters('tags'), 'ENV')]", "true"),
        ("[contains(createArray(1, 2), 2)]", "true"), ("[bool('True')]", "true"), ("[bool(0)]", "false"),
        ("[greater(2, 1)]", "true"), ("[lessOrEquals('a', 'b')]", "true"),
        // conversion
        ("[int('42')]", "42"), ("[string(true())]", #""True""#), ("[string(7)]", #""7""#), ("[string(createObject('a', 1))]", #""{\"a\":1}""#),
        ("[json('{\"a\": [1, true]}')]", #"{"a":[1,true]}"#), ("[json('null')]", "null"),
        // strings
        ("[concat('a', 'b', 1)]", #""ab1""#), ("[concat(createArray(1), createArray(2))]", "[1,2]"),
        ("[format('{0}-{1}-{0}', 'x', 2)]", #""x-2-x""#), ("[format('{0:D3}', 7)]", #""007""#), ("[format('{{literal}} {0}', 'v')]", #""{literal} v""#),
        ("[toLower('AbC')]", #""abc""#), ("[toUpper('abc')]", #""ABC""#), ("[replace('a-b-c', '-', '_')]", #""a_b_c""#),
        ("[split('a,b;c', createArray(',', ';'))]", #"["a","b","c"]"#), ("[split('a//b', '/')]", #"["a","","b"]"#),
        ("[substring('abcdef', 2, 3)]", #""cde""#), ("[startsWith('Hello', 'he')]", "true"), ("[endsWith('Hello', 'LO')]", "true"),
        ("[indexOf('abcabc', 'C')]", "2"), ("[lastIndexOf('abcabc', 'c')]", "5"), ("[trim('  x ')]", #""x""#), ("[padLeft('7', 3, '0')]", #""007""#),
        ("[join(createArray('a', 'b'), '+')]", #""a+b""#), ("[base64('hi')]", #""aGk=""#),
        ("[length(uniqueString('a', 'b'))]", "13"), ("[equals(uniqueString('a'), uniqueString('a'))]", "true"), ("[equals(uniqueString('a'), uniqueString('b'))]", "false"),
        ("[length(guid('x'))]", "36"),
        // collections
        ("[union(createObject('a', 1, 'n', createObject('x', 1)), createObject('b', 2, 'n', createObject('y', 2)))]", #"{"a":1,"n":{"x":1,"y":2},"b":2}"#),
        ("[union(createArray(1, 2), createArray(2, 3))]", "[1,2,3]"), ("[intersection(createArray(1, 2, 3), createArray(2, 3, 4))]", "[2,3]"),
        ("[createObject('k', 'v')]", #"{"k":"v"}"#), ("[createArray(1, 'a')]", #"[1,"a"]"#), ("[array('x')]", #"["x"]"#),
        ("[length(createArray(1, 2))]", "2"), ("[length('abc')]", "3"), ("[length(parameters('tags'))]", "2"),
        ("[first(createArray(1, 2))]", "1"), ("[last('abc')]", #""c""#), ("[take(createArray(1, 2, 3), 2)]", "[1,2]"), ("[skip('abcd', 3)]", #""d""#),
        ("[range(5, 3)]", "[5,6,7]"), ("[items(createObject('a', 1))]", #"[{"key":"a","value":1}]"#),
        ("[tryGet(parameters('tags'), 'team', 'a')]", "1"), ("[tryGet(parameters('tags'), 'nope')]", "null"),
        ("[shallowMerge(createArray(createObject('a', 1), createObject('a', 2, 'b', 3)))]", #"{"a":2,"b":3}"#),
        ("[flatten(createArray(createArray(1), createArray(2, 3)))]", "[1,2,3]"),
        ("[map(createArray(1, 2), lambda('x', mul(lambdaVariables('x'), 10)))]", "[10,20]"),
        ("[filter(variables('pools'), lambda('p', equals(lambdaVariables('p').name, 'b')))]", #"[{"name":"b"}]"#),
        ("[reduce(createArray(1, 2, 3), 0, lambda('acc', 'n', add(lambdaVariables('acc'), lambdaVariables('n'))))]", "6"),
        // numbers
        ("[add(1, 2)]", "3"), ("[sub(5, 7)]", "-2"), ("[mul(3, 4)]", "12"), ("[div(7, 2)]", "3"), ("[mod(7, 2)]", "1"), ("[min(3, 1, 2)]", "1"), ("[max(createArray(3, 9))]", "9"),
        // deployment scope
        ("[resourceId('Microsoft.ContainerService/managedClusters', 'aks')]", #""/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/aks""#),
        ("[resourceId('rg2', 'Microsoft.ContainerService/managedClusters/agentPools', 'aks', 'pool')]", #""/subscriptions/{subscriptionId}/resourceGroups/rg2/providers/Microsoft.ContainerService/managedClusters/aks/agentPools/pool""#),
        ("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r')]", #""/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/r""#),
        ("[resourceGroup().id]", #""/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}""#),
        ("[subscription().subscriptionId]", #""{subscriptionId}""#),
        ("[extensionResourceId(resourceId('Microsoft.ContainerService/managedClusters', 'aks'), 'Microsoft.Insights/diagnosticSettings', 'd')]", #""/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/aks/providers/Microsoft.Insights/diagnosticSettings/d""#),
        // escapes
        ("[[parameters('name')]", #""[parameters('name')]""#), ("['it''s']", #""it's""#), ("plain text", #""plain text""#),
    ])
    func functions(expression: String, expected: String) {
        #expect(Self.harness.json(expression) == expected, "\(expression)")
    }

    @Test("unresolved inputs make results unresolved, naming the cause", arguments: [
        ("[parameters('missing')]", "parameter 'missing' has no default value"),
        ("[concat(parameters('missing'), 'x')]", "parameter 'missing' has no default value"),
        ("[reference('x').fqdn]", "reference() reads the deployed resource"),
        ("[listKeys('x', '2020-01-01')]", "reads the deployed resource"),
        ("[utcNow()]", "known only at deployment"),
        ("[equals(parameters('missing'), 'a')]", "parameter 'missing'"),
        ("[not(parameters('missing'))]", "parameter 'missing'"),
        ("[if(parameters('missing'), 'a', 'b')]", "parameter 'missing'"),
        ("[parameters('undeclared')]", "declares no parameter 'undeclared'"),
        ("[variables('loop')]", "variable 'loop' refers to itself"),
        ("[copyIndex()]", "outside a copy loop"),
        ("[notAFunction(1)]", "'notAFunction' is not evaluated offline"),
        ("[createObject('a')]", "needs key-value pairs"),
        ("[concat('a']", "does not parse"),
        ("[variables('pools')[5]]", "outside the array"),
        // deployment-time placeholders are never compared as if they were values
        ("[equals(subscription().tenantId, '72f988bf-86f1-41af-91ab-2d7cd011db47')]", "equals() would compare the tenant id, which is known only at deployment"),
        ("[not(equals(resourceGroup().name, 'prod-rg'))]", "the resource group's name"),
        ("[startsWith(toLower(subscription().subscriptionId), '00000000')]", "startswith() would compare the subscription id"),
        ("[contains(resourceGroup().id, 'prod')]", "contains() would compare the subscription id"),
        ("[endsWith(deployment().name, '-prod')]", "the deployment's name"),
        ("[greater(tenant().tenantId, 'a')]", "the tenant id"),
        ("[length(resourceGroup().name)]", "length() would compare the resource group's name"),
        ("[if(equals(subscription().subscriptionId, 'x'), true(), false())]", "the subscription id"),
    ])
    func unresolvedPropagation(expression: String, reason: String) {
        let node = Self.harness.evaluate(expression)
        guard let unresolved = node.unresolvedValue else {
            Issue.record("\(expression) resolved to \(Self.harness.json(expression))")
            return
        }
        #expect(unresolved.reason.contains(reason), "\(expression): \(unresolved.reason)")
        #expect(unresolved.expression == expression, "the whole template string is named")
    }

    @Test("placeholders still build ids, and a placeholder equals itself")
    func placeholdersBuildIDs() {
        #expect(Self.harness.json("[equals(resourceGroup().name, resourceGroup().name)]") == "true")
        #expect(Self.harness.json("[equals(resourceId('Microsoft.ContainerService/managedClusters', 'a'), resourceId('Microsoft.ContainerService/managedClusters', 'a'))]") == "true")
        #expect(Self.harness.json("[concat(resourceGroup().id, '/x')]") == #""/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/x""#)
        #expect(Self.harness.json("[contains('{subscriptionid-like text}', 'q')]") == "false", "only the placeholders themselves are unknown")
    }

    @Test("if(unresolved, a, b) is unresolved unless a equals b; and/or/coalesce decide when they can")
    func triState() {
        #expect(Self.harness.json("[if(parameters('missing'), 'same', 'same')]") == #""same""#)
        #expect(Self.harness.evaluate("[if(parameters('missing'), 'a', 'b')]").unresolvedValue != nil)
        #expect(Self.harness.json("[and(parameters('missing'), false())]") == "false")
        #expect(Self.harness.evaluate("[and(parameters('missing'), true())]").unresolvedValue != nil)
        #expect(Self.harness.json("[or(parameters('missing'), true())]") == "true")
        #expect(Self.harness.json("[coalesce('first', parameters('missing'))]") == #""first""#)
        #expect(Self.harness.evaluate("[coalesce(null(), parameters('missing'), 'x')]").unresolvedValue != nil)
        // The branch not taken is never evaluated, so it cannot make the result unresolved.
        #expect(Self.harness.json("[if(true(), 'ok', reference('x').y)]") == #""ok""#)
    }

    @Test("containers may hold unresolved parts without being unresolved themselves")
    func partialContainers() {
        let object = Self.harness.evaluate("[createObject('a', parameters('missing'), 'b', 1)]")
        #expect(object.unresolvedValue == nil)
        #expect(object.object?["a"]?.unresolvedValue?.expression == "[createObject('a', parameters('missing'), 'b', 1)]")
        #expect(Self.harness.json("[length(createArray(parameters('missing'), 2))]") == "2")
        #expect(Self.harness.evaluate("[string(createArray(parameters('missing')))]").unresolvedValue != nil)
    }

    @Test("values remember where they came from")
    func provenance() {
        #expect(Self.harness.evaluate("[parameters('name')]").provenance == .parameter(name: "name", source: .defaultValue(line: 1), isSecure: false))
        #expect(Self.harness.evaluate("[parameters('fromFile')]").provenance == .parameter(name: "fromFile", source: .parametersFile(path: "test.parameters.json"), isSecure: false))
        #expect(Self.harness.evaluate("[variables('prefix')]").provenance == .variable(name: "prefix"))
        #expect(Self.harness.evaluate("[concat('a', 'b')]").provenance == .expression("[concat('a', 'b')]"))
    }

    @Test("no expression can build an unbounded value")
    func limits() {
        #expect(Self.harness.evaluate("[range(0, 100000000)]").unresolvedValue != nil)
        #expect(Self.harness.evaluate("[padLeft('x', 1000000000)]").unresolvedValue != nil)
    }
}
