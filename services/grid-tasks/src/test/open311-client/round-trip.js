// A 311 app's round trip through Code for America's node-open311 client, unchanged: discovery, the service list, a
// service definition, a report sent with an api_key, a position and an address (no grid id), and the report read back.
// Usage: node round-trip.js <base URL> <api_key> <service_code> <address_string>
// Prints one JSON object with what the client got; Open311ClientLibraryTest asserts on it.
'use strict';
var Open311 = require('open311');

var base = process.argv[2], apiKey = process.argv[3], serviceCode = process.argv[4], address = process.argv[5];
var client = new Open311({discovery: base + '/open311/discovery.json', apiKey: apiKey, jurisdiction: 'taiyuan.yingze'});
var seen = {};

function fail(step, err, body) {
  console.log(JSON.stringify({failed: step, error: String(err), body: String(body)}));
  process.exit(1);
}

client.serviceDiscovery({cache: true}, function (err, discovery) {
  if (err) { return fail('discovery', err, discovery); }
  seen.endpoint = client.endpoint;
  seen.format = client.format;
  client.serviceList(function (err, services) {
    if (err) { return fail('services', err, services); }
    seen.serviceCodes = services.map(function (s) { return s.service_code; });
    client.serviceDefinition(serviceCode, function (err, definition) {
      if (err) { return fail('definition', err, definition); }
      seen.attributeCodes = definition.attributes.map(function (a) { return a.code; });
      client.submitRequest({service_code: serviceCode, description: '6号楼楼道堆满纸箱，挡住了消防通道',
          lat: 37.857014, long: 112.583371, address_string: address,
          media_url: 'https://photos.example.cn/reports/6-stairwell.jpg'}, function (err, receipt) {
        if (err) { return fail('submit', err, receipt); }
        seen.receipt = receipt[0];
        client.serviceRequests(receipt[0].service_request_id, function (err, requests) {
          if (err) { return fail('read back', err, requests); }
          seen.request = requests[0];
          console.log(JSON.stringify(seen));
        });
      });
    });
  });
});
