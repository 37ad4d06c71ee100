package org.shequ.model.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per rule of docs/ADDRESS-MATCHING.md, with the examples given there. */
class AddressMatcherTest {

    @ParameterizedTest(name = "[{0}] {1} names road {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "R1 the road starts the address, a house number follows | 新建路12号 | 新建路 | true",
            "R1 the seed's second notice, second area | 惠远西街3号 | 惠远西街 | true",
            "R1 a road the notices do not name | 桃园南路11号 | 新建路 | false",
            "R1 a road the notices do not name | 桃园南路11号 | 兴农路 | false",
            "R1 the road alone | 新建路 | 新建路 | true",
            "R2 full-width digits | 新建路１２号 | 新建路 | true",
            "R2 spaces anywhere | 新建路 12 号 | 新建路 | true",
            "R2 full-width space and punctuation | 新建路　12号（临街） | 新建路 | true",
            "R2 Latin letters in any case | 新建路12号B座 | 新建路 | true",
            "R3 after the city and district | 太原市迎泽区兴农路8号 | 兴农路 | true",
            "R3 after a sub-district | 柳巷街道新建路5号 | 新建路 | true",
            "R3 inside a longer name: another street | 新兴农路8号 | 兴农路 | false",
            "R3 inside a longer name: another street | 东新建路8号 | 新建路 | false",
            "R4 a lane off the road is another street | 新建路东巷3号 | 新建路 | false",
            "R4 a longer name that starts with the road | 新建路北街3号 | 新建路 | false",
            "R4 a named section of the road | 新建路北段 | 新建路 | true",
            "R4 a junction | 兴农路与惠远西街交叉口 | 兴农路 | true",
            "R4 the second road of a junction | 兴农路与惠远西街交叉口 | 惠远西街 | true",
            "R4 the corner of the road | 新建路口 | 新建路 | true",
            "R4 along the road | 新建路沿线商铺 | 新建路 | true",
            "R3 the area's road written with full-width characters | 新建路12号 | 新建路　 | true",
            "R5 an empty name never matches | 新建路12号 | '' | false"})
    void roadRules(String rule, String address, String road, boolean names) {
        assertEquals(names, AddressMatcher.namesRoad(address, road), rule);
    }

    @ParameterizedTest(name = "[{0}] {1} names compound {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "C1 the compound with a building | 胜利东街7号院6号楼 | 胜利东街7号院 | true",
            "C1 the compound alone | 胜利东街7号院 | 胜利东街7号院 | true",
            "C1 after the district | 迎泽区西铭路47号院3单元 | 西铭路47号院 | true",
            "C1 another compound on the same street | 胜利东街17号院 | 胜利东街7号院 | false",
            "C2 a different compound whose name contains it | 新煤化所小区 | 煤化所小区 | false",
            "C2 full-width digits | 胜利东街７号院６栋 | 胜利东街7号院 | true"})
    void compoundRules(String rule, String address, String compound, boolean names) {
        assertEquals(names, AddressMatcher.namesCompound(address, compound), rule);
    }

    /** 新建路 路东 (北沙河南岸—鑫磊大厦) as the seed's gazetteer places it: the odd numbers 1–59. */
    private static final AddressMatcher.Place XINJIAN_EAST = new AddressMatcher.Place("新建路", null,
            new AddressMatcher.Segment(1, 59, AddressMatcher.Parity.ODD));

    @ParameterizedTest(name = "[{0}] {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "S1 inside the stretch, on its side | 新建路13号 | SEGMENT",
            "S1 at either end | 新建路1号 | SEGMENT",
            "S1 at either end | 新建路59号 | SEGMENT",
            "S1 a compound and unit at that number | 迎泽区新建路13号院2单元 | SEGMENT",
            "S1 full-width digits are the same number | 新建路１３号 | SEGMENT",
            "S2 the other side of the road (even) | 新建路12号 | NONE",
            "S2 past the stretch's end | 新建路61号 | NONE",
            "S2 far along the road | 新建路101号 | NONE",
            "S3 no house number: by road | 新建路沿线商铺 | ROAD",
            "S3 a junction has no house number: by road | 新建路与桥东街交叉口 | ROAD",
            "S3 six digits are no house number: by road | 新建路123456号 | ROAD",
            "S3 number 0 is no house number: by road | 新建路0号 | ROAD",
            "R3 another street still never matches | 东新建路13号 | NONE"})
    void segmentRules(String rule, String address, String expected) {
        assertEquals(expected, AddressMatcher.match(address, XINJIAN_EAST).map(Enum::name).orElse("NONE"), rule);
    }

    @ParameterizedTest(name = "[{0}] {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "S4 a stretch without segment: every number, by road | 新建路12号 | ROAD",
            "S4 a stretch without segment: every number, by road | 新建路13号 | ROAD",
            "C1 a compound: in it | 胜利东街7号院6号楼 | COMPOUND"})
    void withoutASegmentMatchingIsAsBefore(String rule, String address, String expected) {
        AddressMatcher.Place wholeRoad = new AddressMatcher.Place("新建路", null);
        AddressMatcher.Place compound = new AddressMatcher.Place(null, "胜利东街7号院");
        AddressMatcher.Place place = expected.equals("COMPOUND") ? compound : wholeRoad;
        assertEquals(expected, AddressMatcher.match(address, place).map(Enum::name).orElse("NONE"), rule);
    }

    @ParameterizedTest(name = "[{0}] {1}..{2} {3}")
    @CsvSource(delimiter = '|', value = {
            "a segment starts at 1 | 0 | 5 | ODD",
            "its end is not before its start | 9 | 5 | EVEN",
            "it has a parity | 1 | 5 | ''"})
    void aSegmentThatCoversNothingCannotBeMade(String rule, int from, int to, String parity) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new AddressMatcher.Segment(
                from, to, parity.isEmpty() ? null : AddressMatcher.Parity.valueOf(parity)), rule);
    }
}
