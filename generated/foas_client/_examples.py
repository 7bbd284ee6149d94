# Generated from spec/foas.openapi.yaml and its examples by generator/ (`make generate`). Do not edit: edit the source and regenerate.
"""The response examples the spec references, byte for byte (the testing fake serves them)."""

# By operationId, status, media type and example name.
EXAMPLES: dict[str, dict[str, dict[str, dict[str, bytes]]]] = {
    "GetRefPackageJob": {
        "200": {
            "application/json": {
                "documented": b'{\n\t"TotalCount": 1,\n\t"TotalPage": 1,\n\t"PageSize": 10,\n\t"RequestId": "31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D",\n\t"Jobs": {\n\t\t"Job": [\n\t\t\t{\n\t\t\t\t"ModifyTime": 1583722910000,\n\t\t\t\t"Description": "",\n\t\t\t\t"EngineVersion": "blink-3.4.4",\n\t\t\t\t"ProjectName": "bayes_team",\n\t\t\t\t"ClusterId": "et2cloud****",\n\t\t\t\t"PlanJson": "{\\n  \\"nodes\\": [\\n    {\\n      \\"id\\": 1,\\n      \\"type\\": \\"Source: Custom Source\\",\\n      \\"pact\\": \\"Data Source\\",\\n      \\"contents\\": \\"Source: Custom Source\\",\\n      \\"parallelism\\": 1\\n    },\\n    {\\n      \\"id\\": 2,\\n      \\"type\\": \\"Timestamps/Watermarks\\",\\n      \\"pact\\": \\"Operator\\",\\n      \\"contents\\": \\"Timestamps/Watermarks\\",\\n      \\"parallelism\\": 1,\\n      \\"predecessors\\": [\\n        {\\n          \\"id\\": 1,\\n          \\"ship_strategy\\": \\"FORWARD\\",\\n          \\"side\\": \\"second\\"\\n        }\\n      ]\\n    },\\n    {\\n      \\"id\\": 4,\\n      \\"type\\": \\"TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))\\",\\n      \\"pact\\": \\"Operator\\",\\n      \\"contents\\": \\"TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))\\",\\n      \\"parallelism\\": 1,\\n      \\"predecessors\\": [\\n        {\\n          \\"id\\": 2,\\n          \\"ship_strategy\\": \\"KEY-GROUP\\",\\n          \\"side\\": \\"second\\"\\n        }\\n      ]\\n    },\\n    {\\n      \\"id\\": 5,\\n      \\"type\\": \\"Sink: Unnamed\\",\\n      \\"pact\\": \\"Data Sink\\",\\n      \\"contents\\": \\"Sink: Unnamed\\",\\n      \\"parallelism\\": 1,\\n      \\"predecessors\\": [\\n        {\\n          \\"id\\": 4,\\n          \\"ship_strategy\\": \\"FORWARD\\",\\n          \\"side\\": \\"second\\"\\n        }\\n      ]\\n    }\\n  ]\\n}",\n\t\t\t\t"CreateTime": 1551161842000,\n\t\t\t\t"JobName": "job1",\n\t\t\t\t"Creator": "1709064687573327",\n\t\t\t\t"FolderId": 10148,\n\t\t\t\t"Properties": "#checkpoint\xe6\xa8\xa1\xe5\xbc\x8f:EXACTLY_ONCE \xe6\x88\x96\xe8\x80\x85 AT_LEAST_ONCE\\n#blink.checkpoint.mode=EXACTLY_ONCE\\n\\n#checkpoint\xe9\x97\xb4\xe9\x9a\x94\xe6\x97\xb6\xe9\x97\xb4,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\\n#blink.checkpoint.interval.ms=180000\\n\\n#rocksdb\xe7\x9a\x84\xe6\x95\xb0\xe6\x8d\xae\xe7\x94\x9f\xe5\x91\xbd\xe5\x91\xa8\xe6\x9c\x9f,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\\n#state.backend.rocksdb.ttl.ms=129600000\\n",\n\t\t\t\t"Code": "blink.main.class=com.hjc.test.blink_test.ChinanTopSpeedWindowing2\\r\\nblink.job.name=datastream_prestest",\n\t\t\t\t"JobType": "FLINK_STREAM",\n\t\t\t\t"Packages": "blink_test_datastream.jar",\n\t\t\t\t"ApiType": "DATASTREAM",\n\t\t\t\t"IsCommitted": true,\n\t\t\t\t"Modifier": "1709064687573327",\n\t\t\t\t"QueueName": "root.bayes_team",\n\t\t\t\t"JobId": "9t9m6jfw8rb44iexhbpv3tnz"\n\t\t\t}\n\t\t]\n\t},\n\t"PageIndex": 1\n}\n'
            },
            "application/xml": {
                "documented": b'<TotalCount>1</TotalCount>\n<TotalPage>1</TotalPage>\n<PageSize>10</PageSize>\n<RequestId>31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D</RequestId>\n<Jobs>\n    <Job>\n        <ModifyTime>1583722910000</ModifyTime>\n        <Description/>\n        <EngineVersion>blink-3.4.4</EngineVersion>\n        <ProjectName>bayes_team</ProjectName>\n        <ClusterId>et2cloud****</ClusterId>\n        <PlanJson>{\n  "nodes": [\n    {\n      "id": 1,\n      "type": "Source: Custom Source",\n      "pact": "Data Source",\n      "contents": "Source: Custom Source",\n      "parallelism": 1\n    },\n    {\n      "id": 2,\n      "type": "Timestamps/Watermarks",\n      "pact": "Operator",\n      "contents": "Timestamps/Watermarks",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 1,\n          "ship_strategy": "FORWARD",\n          "side": "second"\n        }\n      ]\n    },\n    {\n      "id": 4,\n      "type": "TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))",\n      "pact": "Operator",\n      "contents": "TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 2,\n          "ship_strategy": "KEY-GROUP",\n          "side": "second"\n        }\n      ]\n    },\n    {\n      "id": 5,\n      "type": "Sink: Unnamed",\n      "pact": "Data Sink",\n      "contents": "Sink: Unnamed",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 4,\n          "ship_strategy": "FORWARD",\n          "side": "second"\n        }\n      ]\n    }\n  ]\n}</PlanJson>\n        <CreateTime>1551161842000</CreateTime>\n        <JobName>job1</JobName>\n        <Creator>1709064687573327</Creator>\n        <FolderId>10148</FolderId>\n        <Properties>#checkpoint\xe6\xa8\xa1\xe5\xbc\x8f:EXACTLY_ONCE \xe6\x88\x96\xe8\x80\x85 AT_LEAST_ONCE\n#blink.checkpoint.mode=EXACTLY_ONCE\n\n#checkpoint\xe9\x97\xb4\xe9\x9a\x94\xe6\x97\xb6\xe9\x97\xb4,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\n#blink.checkpoint.interval.ms=180000\n\n#rocksdb\xe7\x9a\x84\xe6\x95\xb0\xe6\x8d\xae\xe7\x94\x9f\xe5\x91\xbd\xe5\x91\xa8\xe6\x9c\x9f,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\n#state.backend.rocksdb.ttl.ms=129600000\n</Properties>\n        <Code>blink.main.class=com.hjc.test.blink_test.ChinanTopSpeedWindowing2\nblink.job.name=datastream_prestest</Code>\n        <JobType>FLINK_STREAM</JobType>\n        <Packages>blink_test_datastream.jar</Packages>\n        <ApiType>DATASTREAM</ApiType>\n        <IsCommitted>true</IsCommitted>\n        <Modifier>1709064687573327</Modifier>\n        <QueueName>root.bayes_team</QueueName>\n        <JobId>9t9m6jfw8rb44iexhbpv3tnz</JobId>\n    </Job>\n</Jobs>\n<PageIndex>1</PageIndex>\n',
                "rooted": b'<?xml version="1.0" encoding="UTF-8"?>\n<GetRefPackageJobResponse>\n<TotalCount>1</TotalCount>\n<TotalPage>1</TotalPage>\n<PageSize>10</PageSize>\n<RequestId>31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D</RequestId>\n<Jobs>\n    <Job>\n        <ModifyTime>1583722910000</ModifyTime>\n        <Description/>\n        <EngineVersion>blink-3.4.4</EngineVersion>\n        <ProjectName>bayes_team</ProjectName>\n        <ClusterId>et2cloud****</ClusterId>\n        <PlanJson>{\n  "nodes": [\n    {\n      "id": 1,\n      "type": "Source: Custom Source",\n      "pact": "Data Source",\n      "contents": "Source: Custom Source",\n      "parallelism": 1\n    },\n    {\n      "id": 2,\n      "type": "Timestamps/Watermarks",\n      "pact": "Operator",\n      "contents": "Timestamps/Watermarks",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 1,\n          "ship_strategy": "FORWARD",\n          "side": "second"\n        }\n      ]\n    },\n    {\n      "id": 4,\n      "type": "TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))",\n      "pact": "Operator",\n      "contents": "TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 2,\n          "ship_strategy": "KEY-GROUP",\n          "side": "second"\n        }\n      ]\n    },\n    {\n      "id": 5,\n      "type": "Sink: Unnamed",\n      "pact": "Data Sink",\n      "contents": "Sink: Unnamed",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 4,\n          "ship_strategy": "FORWARD",\n          "side": "second"\n        }\n      ]\n    }\n  ]\n}</PlanJson>\n        <CreateTime>1551161842000</CreateTime>\n        <JobName>job1</JobName>\n        <Creator>1709064687573327</Creator>\n        <FolderId>10148</FolderId>\n        <Properties>#checkpoint\xe6\xa8\xa1\xe5\xbc\x8f:EXACTLY_ONCE \xe6\x88\x96\xe8\x80\x85 AT_LEAST_ONCE\n#blink.checkpoint.mode=EXACTLY_ONCE\n\n#checkpoint\xe9\x97\xb4\xe9\x9a\x94\xe6\x97\xb6\xe9\x97\xb4,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\n#blink.checkpoint.interval.ms=180000\n\n#rocksdb\xe7\x9a\x84\xe6\x95\xb0\xe6\x8d\xae\xe7\x94\x9f\xe5\x91\xbd\xe5\x91\xa8\xe6\x9c\x9f,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\n#state.backend.rocksdb.ttl.ms=129600000\n</Properties>\n        <Code>blink.main.class=com.hjc.test.blink_test.ChinanTopSpeedWindowing2\nblink.job.name=datastream_prestest</Code>\n        <JobType>FLINK_STREAM</JobType>\n        <Packages>blink_test_datastream.jar</Packages>\n        <ApiType>DATASTREAM</ApiType>\n        <IsCommitted>true</IsCommitted>\n        <Modifier>1709064687573327</Modifier>\n        <QueueName>root.bayes_team</QueueName>\n        <JobId>9t9m6jfw8rb44iexhbpv3tnz</JobId>\n    </Job>\n</Jobs>\n<PageIndex>1</PageIndex>\n</GetRefPackageJobResponse>\n',
            },
            "text/xml": {
                "rooted": b'<?xml version="1.0" encoding="UTF-8"?>\n<GetRefPackageJobResponse>\n<TotalCount>1</TotalCount>\n<TotalPage>1</TotalPage>\n<PageSize>10</PageSize>\n<RequestId>31FDAE27-F135-4DAB-9C75-FADD6B0C4D1D</RequestId>\n<Jobs>\n    <Job>\n        <ModifyTime>1583722910000</ModifyTime>\n        <Description/>\n        <EngineVersion>blink-3.4.4</EngineVersion>\n        <ProjectName>bayes_team</ProjectName>\n        <ClusterId>et2cloud****</ClusterId>\n        <PlanJson>{\n  "nodes": [\n    {\n      "id": 1,\n      "type": "Source: Custom Source",\n      "pact": "Data Source",\n      "contents": "Source: Custom Source",\n      "parallelism": 1\n    },\n    {\n      "id": 2,\n      "type": "Timestamps/Watermarks",\n      "pact": "Operator",\n      "contents": "Timestamps/Watermarks",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 1,\n          "ship_strategy": "FORWARD",\n          "side": "second"\n        }\n      ]\n    },\n    {\n      "id": 4,\n      "type": "TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))",\n      "pact": "Operator",\n      "contents": "TriggerWindow(GlobalWindows(), ListStateDescriptor{serializer=org.apache.flink.api.common.typeutils.base.ListSerializer@b2107f67}, DeltaTrigger(com.hjc.test.blink_test.ChinanTopSpeedWindowing$1@350aac89, 50.0), TimeEvictor(10000), WindowedStream.reduce(WindowedStream.java:258))",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 2,\n          "ship_strategy": "KEY-GROUP",\n          "side": "second"\n        }\n      ]\n    },\n    {\n      "id": 5,\n      "type": "Sink: Unnamed",\n      "pact": "Data Sink",\n      "contents": "Sink: Unnamed",\n      "parallelism": 1,\n      "predecessors": [\n        {\n          "id": 4,\n          "ship_strategy": "FORWARD",\n          "side": "second"\n        }\n      ]\n    }\n  ]\n}</PlanJson>\n        <CreateTime>1551161842000</CreateTime>\n        <JobName>job1</JobName>\n        <Creator>1709064687573327</Creator>\n        <FolderId>10148</FolderId>\n        <Properties>#checkpoint\xe6\xa8\xa1\xe5\xbc\x8f:EXACTLY_ONCE \xe6\x88\x96\xe8\x80\x85 AT_LEAST_ONCE\n#blink.checkpoint.mode=EXACTLY_ONCE\n\n#checkpoint\xe9\x97\xb4\xe9\x9a\x94\xe6\x97\xb6\xe9\x97\xb4,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\n#blink.checkpoint.interval.ms=180000\n\n#rocksdb\xe7\x9a\x84\xe6\x95\xb0\xe6\x8d\xae\xe7\x94\x9f\xe5\x91\xbd\xe5\x91\xa8\xe6\x9c\x9f,\xe5\x8d\x95\xe4\xbd\x8d\xe6\xaf\xab\xe7\xa7\x92\n#state.backend.rocksdb.ttl.ms=129600000\n</Properties>\n        <Code>blink.main.class=com.hjc.test.blink_test.ChinanTopSpeedWindowing2\nblink.job.name=datastream_prestest</Code>\n        <JobType>FLINK_STREAM</JobType>\n        <Packages>blink_test_datastream.jar</Packages>\n        <ApiType>DATASTREAM</ApiType>\n        <IsCommitted>true</IsCommitted>\n        <Modifier>1709064687573327</Modifier>\n        <QueueName>root.bayes_team</QueueName>\n        <JobId>9t9m6jfw8rb44iexhbpv3tnz</JobId>\n    </Job>\n</Jobs>\n<PageIndex>1</PageIndex>\n</GetRefPackageJobResponse>\n'
            },
        },
        "4XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
        "5XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
    },
    "ListProject": {
        "200": {
            "application/json": {
                "made": b'{\n\t"RequestId": "5B3F7A12-0C6E-4B2A-8D1F-3E9C6A7B8D20",\n\t"PageIndex": 1,\n\t"PageSize": 10,\n\t"TotalCount": 1,\n\t"TotalPage": 1,\n\t"Projects": {\n\t\t"Project": [\n\t\t\t{\n\t\t\t\t"Id": "12345",\n\t\t\t\t"Name": "bayes_team",\n\t\t\t\t"Description": "",\n\t\t\t\t"Region": "cn-hangzhou",\n\t\t\t\t"ClusterId": "et2cloud****",\n\t\t\t\t"DeployType": "cell",\n\t\t\t\t"State": "AVAILABLE",\n\t\t\t\t"ManagerIds": "1709064687573327",\n\t\t\t\t"GlobalJobConfig": "",\n\t\t\t\t"Creator": "1709064687573327",\n\t\t\t\t"Modifier": "1709064687573327",\n\t\t\t\t"CreateTime": 1551161842000,\n\t\t\t\t"ModifyTime": 1583722910000\n\t\t\t}\n\t\t]\n\t}\n}\n'
            }
        },
        "4XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
        "5XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
    },
    "ListPackage": {
        "200": {
            "application/json": {
                "made": b'{\n\t"RequestId": "0E2C7B3A-5D41-4F8E-9A6B-1C2D3E4F5A60",\n\t"PageIndex": 1,\n\t"PageSize": 10,\n\t"TotalCount": 1,\n\t"TotalPage": 1,\n\t"Packages": {\n\t\t"Package": [\n\t\t\t{\n\t\t\t\t"PackageName": "blink_test_datastream.jar",\n\t\t\t\t"OriginName": "blink_test_datastream.jar",\n\t\t\t\t"ProjectName": "bayes_team",\n\t\t\t\t"Type": "JAR",\n\t\t\t\t"Tag": "v1",\n\t\t\t\t"Description": "",\n\t\t\t\t"Md5": "0cc175b9c0f1b6a831c399e269772661",\n\t\t\t\t"OssBucket": "bucket1",\n\t\t\t\t"OssEndpoint": "oss-cn-hangzhou-internal.aliyuncs.com",\n\t\t\t\t"OssOwner": "1709064687573327",\n\t\t\t\t"OssPath": "packages/blink_test_datastream.jar",\n\t\t\t\t"ScanState": "SUCCESS",\n\t\t\t\t"ScanErrorMessage": "",\n\t\t\t\t"ScanExtBizNo": "",\n\t\t\t\t"ScanLink": "",\n\t\t\t\t"Creator": "1709064687573327",\n\t\t\t\t"Modifier": "1709064687573327",\n\t\t\t\t"CreateTime": 1551161842000,\n\t\t\t\t"ModifyTime": 1583722910000\n\t\t\t}\n\t\t]\n\t}\n}\n'
            }
        },
        "4XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
        "5XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
    },
    "GetPackage": {
        "200": {
            "application/json": {
                "made": b'{\n\t"RequestId": "7C1D2E3F-4A5B-4C6D-8E9F-0A1B2C3D4E5F",\n\t"Package": {\n\t\t"PackageName": "blink_test_datastream.jar",\n\t\t"OriginName": "blink_test_datastream.jar",\n\t\t"ProjectName": "bayes_team",\n\t\t"Type": "JAR",\n\t\t"Tag": "v1",\n\t\t"Description": "",\n\t\t"Md5": "0cc175b9c0f1b6a831c399e269772661",\n\t\t"OssBucket": "bucket1",\n\t\t"OssEndpoint": "oss-cn-hangzhou-internal.aliyuncs.com",\n\t\t"OssOwner": "1709064687573327",\n\t\t"OssPath": "packages/blink_test_datastream.jar",\n\t\t"ScanState": "SUCCESS",\n\t\t"ScanErrorMessage": "",\n\t\t"ScanExtBizNo": "",\n\t\t"ScanLink": "",\n\t\t"Creator": "1709064687573327",\n\t\t"Modifier": "1709064687573327",\n\t\t"CreateTime": 1551161842000,\n\t\t"ModifyTime": 1583722910000\n\t}\n}\n'
            }
        },
        "4XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
        "5XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
    },
    "DeletePackage": {
        "200": {"application/json": {"made": b'{\n\t"RequestId": "9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D"\n}\n'}},
        "4XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
        "5XX": {
            "application/json": {
                "notFound": b'{\n  "RequestId": "6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77",\n  "HostId": "foas.cn-hangzhou.aliyuncs.com",\n  "Code": "InvalidPackage.NotFound",\n  "Message": "The specified package does not exist.",\n  "Recommend": "https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound"\n}\n'
            },
            "application/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
            "text/xml": {
                "notFound": b'<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <RequestId>6A5B7D40-2E44-4C5D-9D3B-5F0E4B1C2A77</RequestId>\n  <HostId>foas.cn-hangzhou.aliyuncs.com</HostId>\n  <Code>InvalidPackage.NotFound</Code>\n  <Message>The specified package does not exist.</Message>\n  <Recommend>https://api.aliyun.com/troubleshoot?q=InvalidPackage.NotFound</Recommend>\n</Error>\n'
            },
        },
    },
}
