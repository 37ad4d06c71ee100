// node-open311 requires this module when it loads; the JSON round trip never calls it.
module.exports = {
  parseXml: function () {
    throw new Error('the Open311 client check uses the JSON format only');
  }
};
